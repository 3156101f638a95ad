package single

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A second start with a file to open (a double click on a .trienlam file)
// hands the file to the running exhibit instead of leaving it alone: the
// running one listens on a local socket in the user's private cache folder
// (AF_UNIX, which Windows 10 has too), and the second start writes the
// file's path to it and ends.

// socketPath is where the running exhibit listens.
func socketPath(name string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "trienlam", name+".sock")
}

// maxPath bounds what a handoff may send.
const maxPath = 4096

// Serve listens for paths handed over by later starts and calls open with
// each, from its own goroutine. Call it only while holding the lock of
// Acquire: a socket left by a crashed exhibit is then stale and replaced.
// stop closes the listener.
func Serve(name string, open func(path string)) (stop func(), err error) {
	path := socketPath(name)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return func() {}, fmt.Errorf("handoff: %w", err)
	}
	os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return func() {}, fmt.Errorf("handoff: %w", err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return // closed
			}
			c.SetDeadline(time.Now().Add(5 * time.Second))
			line, err := bufio.NewReader(&limitedConn{c, maxPath}).ReadString('\n')
			if err == nil {
				if p := strings.TrimSpace(line); p != "" {
					open(p)
					c.Write([]byte("ok\n"))
				}
			}
			c.Close()
		}
	}()
	return func() { ln.Close(); os.Remove(path) }, nil
}

// limitedConn reads at most n bytes of a connection.
type limitedConn struct {
	net.Conn
	n int
}

func (l *limitedConn) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errors.New("handoff: message too long")
	}
	if len(p) > l.n {
		p = p[:l.n]
	}
	n, err := l.Conn.Read(p)
	l.n -= n
	return n, err
}

// Handoff gives path to the running exhibit, which opens it. It fails when
// no exhibit listens or it does not answer.
func Handoff(name, path string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	c, err := net.DialTimeout("unix", socketPath(name), 2*time.Second)
	if err != nil {
		return fmt.Errorf("handoff: %w", err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte(path + "\n")); err != nil {
		return fmt.Errorf("handoff: %w", err)
	}
	answer, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || strings.TrimSpace(answer) != "ok" {
		return fmt.Errorf("handoff: the running exhibit did not take %s", path)
	}
	return nil
}
