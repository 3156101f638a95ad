// Package nosleep keeps the screen from blanking or locking while the
// exhibit presents to a hall, runs as a kiosk or plays the guided tour: a
// projector that goes dark in the middle of a talk, or a kiosk that
// locks, is the failure people remember.
package nosleep
