package exhibit

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
)

// ProblemKind is one kind of problem: its stable code and its wording in
// the two languages of the app. See ProblemKinds.
type ProblemKind struct {
	// Kind is a stable code for what is wrong, such as "file-not-found".
	// Kinds never change meaning; a new check gets a new Kind.
	Kind string
	// En and Vi are text/template templates filled from a Problem's Args,
	// in English and in Vietnamese.
	En, Vi string
}

// kindIndex finds a kind's entry in ProblemKinds.
var kindIndex = func() map[string]*ProblemKind {
	m := make(map[string]*ProblemKind, len(ProblemKinds))
	for i := range ProblemKinds {
		m[ProblemKinds[i].Kind] = &ProblemKinds[i]
	}
	return m
}()

// Template returns the kind's template in the language with the given
// code: Vietnamese for "vi", English for anything else.
func (k ProblemKind) Template(language string) string {
	if language == "vi" {
		return k.Vi
	}
	return k.En
}

// Render fills the kind's template in language from args. A template that
// does not parse or lacks one of its args is an error, never a half-filled
// sentence.
func (k ProblemKind) Render(language string, args map[string]string) (string, error) {
	tpl, err := template.New(k.Kind).Option("missingkey=error").Parse(k.Template(language))
	if err != nil {
		return "", fmt.Errorf("problem kind %s: %w", k.Kind, err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, args); err != nil {
		return "", fmt.Errorf("problem kind %s: %w", k.Kind, err)
	}
	return b.String(), nil
}

// Problem is one thing wrong with a pack, located as precisely as the
// format allows. What it says comes from its Kind's entry in ProblemKinds,
// filled from Args: Text in the app's language, String for the command line.
type Problem struct {
	File  string // path inside the pack, or the pack path itself
	Line  int    // 1-based, 0 when the format has no lines or it is unknown
	Field string // manifest or front-matter field, e.g. "chapters[2].file"
	// Message is the English text of the problem, rendered from its Kind
	// when it was made; String prints it.
	Message string
	// Kind is the problem's code in ProblemKinds, such as "file-not-found",
	// "bad-toml" or "unknown-key". The same Kind always comes with the same
	// Args keys.
	Kind string
	// Args are the values the Kind's templates mention, keyed by lower-case
	// names such as "file", "id", "value" or "allowed" ({{.file}}). Values
	// are as written in the pack, or English where they quote a library's
	// error ("error").
	Args map[string]string
}

// Text is the problem said in the language with the given code ("vi" or
// "en"), or its English Message when its Kind is not listed.
func (p Problem) Text(language string) string {
	if k, ok := kindIndex[p.Kind]; ok {
		if s, err := k.Render(language, p.Args); err == nil {
			return s
		}
	}
	return p.Message
}

// detail is what a problem says, apart from where it is: its Kind and Args.
// It is also the error type of packPath and ParseDate, so that a caller
// reporting their error keeps its Kind.
type detail struct {
	Kind string
	Args map[string]string
}

// Error returns the English text of the detail.
func (d detail) Error() string {
	return Problem{Kind: d.Kind, Args: d.Args, Message: d.Kind}.Text("en")
}

// with returns d said of something: extra is added to its args (a timeline
// item's "event" or "era", a date's "key").
func (d detail) with(extra map[string]string) detail {
	args := make(map[string]string, len(d.Args)+len(extra))
	for k, v := range d.Args {
		args[k] = v
	}
	for k, v := range extra {
		args[k] = v
	}
	d.Args = args
	return d
}

// detailOf returns the wording of err: the detail it carries, or a problem
// of Kind "unexpected" quoting it.
func detailOf(err error) detail {
	var d detail
	if errors.As(err, &d) {
		return d
	}
	return detail{Kind: "unexpected", Args: kv{"error": err.Error()}}
}

// kv is the type of Args, short for building them.
type kv = map[string]string

// at places a detail in a file.
func (d detail) at(file string, line int, field string) Problem {
	return Problem{File: file, Line: line, Field: field, Message: d.Error(), Kind: d.Kind, Args: d.Args}
}

// NewProblem makes a problem of a kind listed in ProblemKinds, for the
// checks made outside the loader (recordings, captions, the command line):
// they say it in the same two languages. args are what the kind's
// templates use.
func NewProblem(file string, line int, kind string, args map[string]string) Problem {
	return detail{Kind: kind, Args: args}.at(file, line, "")
}

// String formats the problem as "file:line: field: message", in English.
func (p Problem) String() string { return p.format(p.Message) }

// StringIn is String in the language with the given code ("vi" or "en"):
// what the command line prints for a user of that language.
func (p Problem) StringIn(language string) string { return p.format(p.Text(language)) }

// format places a message after the problem's file, line and field.
func (p Problem) format(message string) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	// A timeline item's problem names the item, for the templates (of
	// dates, paths, files) that do not.
	for _, item := range []string{"event", "era"} {
		if v, ok := p.Args[item]; ok && v != "" && !strings.Contains(message, v) {
			fmt.Fprintf(&b, "%s %q: ", item, v)
		}
	}
	b.WriteString(message)
	return b.String()
}
