"""Reading an uploaded CSV file: text in UTF-8 (with or without a byte-order mark, any line
ending), its header checked before any row is read."""
import csv
import io

from .plan import refuse


def text_of(data, what):
    """The file's text, without a byte-order mark; refused when it is not UTF-8 text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        refuse(f"This file is not {what}: it is not UTF-8 text.")
    if "\x00" in text:
        refuse(f"This file is not {what}: it is not a text file.")
    return text


def first_line(data):
    """The first line of a file that may be CSV text (for telling formats apart)."""
    head = data[:4096].decode("utf-8-sig", errors="replace")
    return head.splitlines()[0].strip() if head.strip() else ""


def rows_of(data, header, what):
    """The rows of a CSV file as dicts; refused unless its header starts with `header`."""
    reader = csv.reader(io.StringIO(text_of(data, what), newline=""))
    try:
        found = [name.strip() for name in next(reader, [])]
        if found[:len(header)] != list(header):
            refuse(f"This file is not {what}: its first line should be “{','.join(header)}”.")
        rows = [dict(zip(header, row)) | {"_line": number}
                for number, row in enumerate(reader, start=2) if any(cell.strip() for cell in row)]
    except csv.Error as err:
        refuse(f"This file is not {what}: {err}.")
    return rows
