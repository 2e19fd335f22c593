"""Runs QualCoder's own REFI-QDA project import (RefiImport.import_project in src/qualcoder/refi.py, unchanged)
headless on a .qdpx and prints what landed in QualCoder's database, as JSON, and whether every coded text
segment's stored text is the text at its positions.

QualCoder is a PyQt6 application and PyQt6 is not installed here. The import's parsing and database code does
not need Qt, so this script puts stand-ins in front of what it does need: PyQt6 (the progress dialog and the
file dialog, which returns the .qdpx given), QualCoder's `Message` box, and `app` (a sqlite connection with the
tables created by the CREATE TABLE statements of QualCoder's own __main__.py, read from its source, and a
project folder with `documents/`). Nothing of refi.py is changed or copied.

    python3 scripts/qualcoder/import_with_qualcoder.py QUALCODER_SRC project.qdpx WORK_DIR

QUALCODER_SRC is the `src` folder of a QualCoder checkout (the one holding `qualcoder/refi.py`).
"""
import ast
import builtins
import contextlib
import io
import json
import os
import sqlite3
import sys
import types


class Anything:
    """Any Qt object or value: callable, with every attribute, usable as a base class."""

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return Anything()

    def __getattr__(self, name):
        return Anything()

    def __mro_entries__(self, bases):
        return (object,)


class AnyModule(types.ModuleType):
    def __getattr__(self, name):
        return Anything()


def stand_ins(qdpx):
    pyqt = AnyModule('PyQt6')
    widgets = AnyModule('PyQt6.QtWidgets')

    class FileDialog(Anything):
        Option = Anything()

        @staticmethod
        def getOpenFileName(*args, **kwargs):
            return qdpx, True

    widgets.QFileDialog = FileDialog
    pyqt.QtWidgets = widgets
    for name in ['QtCore', 'QtGui', 'QtPdf', 'QtPdfWidgets', 'QtMultimedia', 'QtMultimediaWidgets', 'QtSvg']:
        setattr(pyqt, name, AnyModule('PyQt6.' + name))
        sys.modules['PyQt6.' + name] = getattr(pyqt, name)
    sys.modules['PyQt6'] = pyqt
    sys.modules['PyQt6.QtWidgets'] = widgets
    builtins._ = lambda s: s  # QualCoder installs gettext's _ at start-up


def qualcoder_tables(src):
    """The CREATE TABLE statements of QualCoder's new-project code, read from its __main__.py."""
    tree = ast.parse(open(os.path.join(src, 'qualcoder', '__main__.py'), encoding='utf-8').read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'execute' and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.startswith('CREATE TABLE'):
                yield arg.value


def main(src, qdpx, work):
    stand_ins(os.path.abspath(qdpx))
    sys.path.insert(0, src)
    package = types.ModuleType('qualcoder')
    package.__path__ = [os.path.join(src, 'qualcoder')]
    sys.modules['qualcoder'] = package
    helpers = AnyModule('qualcoder.helpers')
    sys.modules['qualcoder.helpers'] = helpers
    printed = io.StringIO()  # what QualCoder prints (a missing vlc module, debugging lines), kept out of the JSON
    with contextlib.redirect_stdout(printed):
        from qualcoder import refi  # QualCoder's own module, as it is in the checkout

    project = os.path.join(work, 'project.qda')
    os.makedirs(os.path.join(project, 'documents'), exist_ok=True)
    conn = sqlite3.connect(':memory:')
    created = set()
    for sql in qualcoder_tables(src):
        name = sql.split()[2]
        if name not in created:  # the first definition is the new-project one; later ones are upgrades
            conn.execute(sql)
            created.add(name)
    log = []
    app = types.SimpleNamespace(conn=conn, project_path=project, project_name='imported.qda',
                                settings={'codername': 'default', 'directory': work, 'ai_enable': 'False'},
                                ai_models=[], write_config_ini=lambda *a: None)
    textedit = types.SimpleNamespace(append=log.append)
    with contextlib.redirect_stdout(printed):
        refi.RefiImport(app, textedit, 'qdpx')

    rows = lambda sql: [dict(zip([d[0] for d in cur.description], r)) for cur in [conn.execute(sql)] for r in cur.fetchall()]
    sources = rows('select id, name, fulltext, memo, owner, date from source')
    codings = rows('select t.cid, n.name as code, t.fid, t.seltext, t.pos0, t.pos1, t.owner, t.memo, t.date '
                   'from code_text t left join code_name n on n.cid = t.cid')
    text_of = {s['id']: s['fulltext'] for s in sources}
    for c in codings:
        c['text_at_positions'] = text_of[c['fid']][c['pos0']:c['pos1']] == c['seltext']
    print(json.dumps({
        'log': log,
        'printed': printed.getvalue().splitlines(),
        'documents_folder': sorted(os.listdir(os.path.join(project, 'documents'))),
        'sources': [{k: v for k, v in s.items() if k != 'fulltext'} for s in sources],
        'codes': rows('select cid, name, color, catid, supercid, memo from code_name'),
        'categories': rows('select catid, name, supercatid from code_cat'),
        'codings': codings,
        'annotations': rows('select fid, pos0, pos1, memo, owner from annotation'),
        'journals': rows('select name, jentry, owner, date from journal'),
    }, ensure_ascii=False, indent=1))


if __name__ == '__main__':
    main(*sys.argv[1:4])
