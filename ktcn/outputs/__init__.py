"""Documents made from the records: reports (Markdown, Word, Excel), the calendar, the static site."""
