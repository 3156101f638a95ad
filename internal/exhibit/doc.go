// Package exhibit holds the exhibit pack model: the manifest, the chapters
// parsed from Markdown, photos, narration tracks and the timeline, and the
// loader that reads a pack from any fs.FS and reports every problem it finds.
//
// The package knows nothing of Fyne: screens read a *Pack, they never parse
// files themselves.
//
// # Problems
//
// What is wrong with a pack is reported as a Problem: where (file, line,
// field), a Kind and the Args its wording is filled from. Every Kind is one
// entry of ProblemKinds (problemkinds.go), which holds its only English and
// Vietnamese wording; the command line and the app both render from it.
//
// To add a kind of problem:
//  1. add {Kind, En, Vi} to ProblemKinds, keeping the list sorted;
//  2. report it where the check is: detail{Kind: "…", Args: kv{…}}.at(…),
//     or doc.problem(field, detail{…}), with every Arg the templates use;
//  3. make a test pack that has it (testdata, or kindPacks in
//     problemkind_test.go): the tests fail for a kind no pack makes, for a
//     problem whose Kind is not listed, and for a template whose Args are
//     missing.
package exhibit
