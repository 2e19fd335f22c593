"""An independent reader of a REFI-QDA project (.qdpx), in Python, whose strings count code points as the QDA
tools do. It unzips the project, writes project.qde beside it for xmllint, re-finds every selection's quote
at its code-point positions in its source, follows every NoteRef to its note, reads notes kept in files, and
prints what it found as JSON. Used by test/unit/export.refiQda.test.ts, the interchange tests and by hand:

    python3 test/readers/read_qdpx.py project.qdpx /tmp/project.qde
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

Q = '{urn:QDA-XML:project:1.0}'


def internal(z, path):
    assert path.startswith('internal://'), path
    return z.read('sources/' + path[len('internal://'):]).decode('utf-8')


def main(qdpx, qde_out):
    z = zipfile.ZipFile(qdpx)
    assert z.testzip() is None
    qde = z.read('project.qde')
    with open(qde_out, 'wb') as f:
        f.write(qde)
    root = ET.fromstring(qde)
    users = {u.get('guid'): u.get('name') for u in root.iter(Q + 'User')}
    codes = {c.get('guid'): c for c in root.iter(Q + 'Code')}
    notes = {n.get('guid'): n for n in root.iter(Q + 'Note')}
    sources, selections, referenced = [], [], []
    for src in root.iter(Q + 'TextSource'):
        text = internal(z, src.get('plainTextPath'))
        description = src.find(Q + 'Description')
        sources.append({'name': src.get('name'), 'description': None if description is None else description.text,
                        'date': src.get('creationDateTime'), 'user': users.get(src.get('creatingUser'))})
        for sel in src.findall(Q + 'PlainTextSelection'):
            s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))
            ref = sel.find(Q + 'Coding/' + Q + 'CodeRef').get('targetGUID')
            selections.append({'source': src.get('name'), 'text': text[s:e], 'name': sel.get('name'),
                               'start': s, 'end': e, 'code': codes[ref].get('name'),
                               'user': users[sel.get('creatingUser')], 'description': sel.find(Q + 'Description').text})
        for ref in src.findall(Q + 'NoteRef'):
            note = notes[ref.get('targetGUID')]  # a NoteRef to no note is a KeyError: the test fails
            place = note.find(Q + 'PlainTextSelection')
            s, e = int(place.get('startPosition')), int(place.get('endPosition'))
            assert 0 <= s <= e <= len(text), (s, e, len(text))
            referenced.append({'source': src.get('name'), 'content': note.find(Q + 'PlainTextContent').text,
                               'start': s, 'end': e})
    kept_in_files = [{'name': n.get('name'), 'content': internal(z, n.get('plainTextPath'))}
                     for n in notes.values() if n.get('plainTextPath') is not None]
    print(json.dumps({
        'names': sorted(z.namelist()),
        'bom': qde[:3] == b'\xef\xbb\xbf',
        'users': sorted(users.values()),
        'colors': sorted({c.get('color') for c in codes.values() if c.get('color') is not None}),
        'project_date': root.get('creationDateTime'),
        'sources': sources,
        'selections': selections,
        'notes_on_sources': referenced,
        'notes_in_files': kept_in_files,
        'notes': len(notes),
    }, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
