// Package nosleep keeps the screen from blanking or locking while a
// presenter shows the exhibit to a hall: a projector that goes dark in the
// middle of a talk is the failure people remember. The presenter mode holds
// an inhibition while it runs; the kiosk does not use this package.
package nosleep
