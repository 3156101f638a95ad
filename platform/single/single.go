package single

// Acquire takes the per-user instance lock called name. It reports false
// when another process holds it. release gives the lock back; the system
// also drops it when the process ends, even by a crash, so a restarted
// exhibit is never locked out.
func Acquire(name string) (release func(), ok bool, err error) {
	return acquire(name)
}
