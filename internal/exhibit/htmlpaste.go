package exhibit

// HTMLToMarkdown turns HTML — text pasted from a web page or from Word —
// into the pack's Markdown, keeping headings, bold, italic, lists and
// links, as the TimelineJS import does for its texts.
func HTMLToMarkdown(s string) string { return htmlToMarkdown(s) }
