// Command genman writes the trienlam man page: the template
// packaging/linux/trienlam.1.in with its @HELP@ line replaced by the
// OPTIONS and COMMANDS sections made from the program's own help, so the
// page lists every flag and command the program has.
//
//	go run ./cmd/genman packaging/linux/trienlam.1.in > trienlam.1
package main

import (
	"fmt"
	"os"
	"strings"

	"trienlam/internal/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genman TEMPLATE.1.in")
		os.Exit(2)
	}
	tmpl, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
	if !strings.Contains(string(tmpl), "@HELP@\n") {
		fmt.Fprintln(os.Stderr, "genman: the template has no @HELP@ line")
		os.Exit(1)
	}
	fmt.Print(strings.Replace(string(tmpl), "@HELP@\n", cli.ManSections(), 1))
}
