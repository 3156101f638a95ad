// Package search is the exhibit's full-text search: a visitor types
// "chi kien" on a kiosk keyboard with no Vietnamese input method and finds
// "Chí Kiên". Matching ignores case and diacritics (đ matches d), results
// point back into the original text with byte offsets for highlighting.
//
// The package knows nothing of Fyne; screens call NewIndex once per loaded
// pack and Search on every keystroke, which is why the last word of a query
// matches as a prefix until a space ends it: "chi kie" already finds
// "Chí Kiên".
package search
