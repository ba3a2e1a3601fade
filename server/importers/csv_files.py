"""Reading an uploaded CSV file: text in UTF-8 (with or without a byte-order mark, any line
ending), its header checked before any row is read, and its rows read one at a time from the
file (an upload waits on disk): a million rows never sit in memory at once."""
import csv
import io

from .plan import in_time, refuse

CHECK_EVERY = 4096  # rows between two looks at the deadline


def first_line(head):
    """The first line of a file that may be CSV text (for telling formats apart), from its
    first bytes."""
    head = head[:4096].decode("utf-8-sig", errors="replace")
    return head.splitlines()[0].strip() if head.strip() else ""


def binary(source):
    """A binary file of `source`: the file itself (read from where it is), or bytes as one."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(source)
    return source


def text_lines(text, what):
    """The lines of a text file, refused at the first NUL: it is not a text file."""
    for line in text:
        if "\x00" in line:
            refuse(f"This file is not {what}: it is not a text file.")
        yield line


def rows_of(source, header, what):
    """The rows of a CSV file (bytes, or a binary file) as dicts, one at a time; refused unless
    its header starts with `header`, or when it is not UTF-8 text."""
    text = io.TextIOWrapper(binary(source), encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text_lines(text, what))
        found = [name.strip() for name in next(reader, [])]
        if found[:len(header)] != list(header):
            refuse(f"This file is not {what}: its first line should be “{','.join(header)}”.")
        for number, row in enumerate(reader, start=2):
            if not number % CHECK_EVERY:
                in_time()
            if any(cell.strip() for cell in row):
                yield dict(zip(header, row)) | {"_line": number}
    except UnicodeDecodeError:
        refuse(f"This file is not {what}: it is not UTF-8 text.")
    except csv.Error as err:
        refuse(f"This file is not {what}: {err}.")
    finally:
        text.detach()  # the upload is the caller's to close
