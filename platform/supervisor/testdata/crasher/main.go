// Command crasher is the supervisor tests' stand-in for the exhibit. It
// counts its runs in the file given as its first argument and then, by its
// second argument:
//
//	crash N     exit 3 on the first N runs, then exit 0
//	signal N    kill itself with SIGKILL on the first N runs, then exit 0
//	wait        write "ready" beside the counter, wait for SIGINT or
//	            SIGTERM, exit 7
package main

import (
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	counter := os.Args[1]
	data, _ := os.ReadFile(counter)
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	n++
	os.WriteFile(counter, []byte(strconv.Itoa(n)), 0o644)
	limit := 0
	if len(os.Args) > 3 {
		limit, _ = strconv.Atoi(os.Args[3])
	}
	switch os.Args[2] {
	case "crash":
		if n <= limit {
			os.Exit(3)
		}
	case "signal":
		if n <= limit {
			p, _ := os.FindProcess(os.Getpid())
			p.Kill()
			time.Sleep(time.Minute)
		}
	case "wait":
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		os.WriteFile(filepath.Join(filepath.Dir(counter), "ready"), nil, 0o644)
		select {
		case <-ch:
			os.Exit(7)
		case <-time.After(time.Minute):
			os.Exit(9)
		}
	}
}
