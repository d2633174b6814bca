"""`ktcn import`: a plan's task table (Word, Excel, CSV) read into a new programme file.

A small core that knows nothing of the terminal, one module per step:

| module | step |
|---|---|
| `tables.py` | a .docx, .xlsx or .csv file into tables of cell texts, with the lines above them |
| `columns.py` | which column is which, from the header cells' usual names (TT, Nội dung, Chủ trì, ...) |
| `timing.py` | a timing phrase ("Quý IV/2024", "Hằng năm") into a schedule; the grammar is docs/import.md |
| `agencies.py` | agency names in a cell into registry ids |
| `header.py` | the document's number, date, type, title and issuer from the lines above the table |
| `build.py` | rows into tasks: sections, ids, schedules, agencies, and every cell that could not be read |
| `writer.py` | the programme as YAML that reads like a hand-written file |
| `registry.py` | proposed agencies appended to agencies.yaml, every other byte kept |
| `run.py` | the whole import: read, build, check with the workspace, write |

python-docx and openpyxl are imported only when a file of theirs is read.
"""
