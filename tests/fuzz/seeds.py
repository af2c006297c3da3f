#!/usr/bin/env python3
"""Writes seed inputs for a fuzz target from ../shared/corpus and the example.

    seeds.py KIND OUT_DIR [AMEND]

KIND is what the target reads:
  markdown  one regulation: slices of the corpus laws cut at headings, the example
  xml       one XML document: the corpus CVDR and STOP files, the example exported
            to STOP and Akoma Ntoso by AMEND (the amend program) when given
  pair      two versions separated by a NUL byte: the same stretch of two
            consecutive versions of the Gemeentewet around each change, and the
            example against edits of itself
  triple    three versions separated by NUL bytes (base, ours, theirs): two
            changes of the Gemeentewet history on the same base stretch
  comment   one comment file (.amend/opmerkingen/ID.md): with an anchor, a reply,
            resolved, on the whole regulation
  record    one record of an amendment (.amend/amendementen/SLUG/amendement.ini):
            new, submitted with submitters and a motivation of several lines,
            decided with a vote, a subamendment
  package   a package (a git bundle) of a small project with an amendment, made
            with the git program: whole, and its header alone

Seeds are small (a few KB): libFuzzer runs small inputs many times faster, and
its mutations reach the interesting places sooner.  A new kind is a function
below and its name in KINDS.
"""
import difflib
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("AMEND_SHARED_DIR", os.path.join(SOURCE, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus")
EXAMPLE = os.path.join(SOURCE, "data", "example", "apv-lindewaarde.md")
SLICE = 4096


def read(path):
    with open(path, "rb") as f:
        return f.read()


def corpus_files(folder, ext):
    path = os.path.join(CORPUS, folder)
    if not os.path.isdir(path):
        sys.exit(f"seeds.py: {path} is missing; the seeds come from ../shared/corpus")
    return sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(ext))


def heading_slices(text, size=SLICE):
    """Pieces of about SIZE bytes, each starting at a heading line."""
    lines = text.split(b"\n")
    piece, out = [], []
    for line in lines:
        if line.startswith(b"#") and sum(len(l) + 1 for l in piece) >= size:
            out.append(b"\n".join(piece) + b"\n")
            piece = []
        piece.append(line)
    if piece:
        out.append(b"\n".join(piece) + b"\n")
    return out


def markdown():
    seeds = [read(EXAMPLE)]
    for path in corpus_files("nl-wetten", ".md"):
        seeds += heading_slices(read(path))[:40]
    return seeds


def xml(amend=None):
    seeds = [read(p) for p in corpus_files("cvdr", ".xml") + corpus_files("stop", ".xml")]
    if amend:
        for fmt in ("stop", "stop-besluit", "akn"):
            out = subprocess.run([amend, "export", "--format", fmt, EXAMPLE], capture_output=True)
            if out.returncode == 0:
                seeds.append(out.stdout)
    return seeds


def block_start(lines, i):
    while i > 0 and not lines[i].startswith(b"#"):
        i -= 1
    return i


def changed_stretches(a, b, context=2):
    """(a-stretch, b-stretch) around each change, from heading to heading."""
    la, lb = a.split(b"\n"), b.split(b"\n")
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s1, s2 = block_start(la, max(i1 - context, 0)), block_start(lb, max(j1 - context, 0))
        e1, e2 = min(i2 + 30, len(la)), min(j2 + 30, len(lb))
        yield b"\n".join(la[s1:e1]) + b"\n", b"\n".join(lb[s2:e2]) + b"\n"


def history():
    return [read(p) for p in corpus_files("nl-wetten-historie", ".md")]


def example_edits():
    text = read(EXAMPLE)
    edits = [
        text.replace(b"acht weken", b"zes weken", 1),
        text.replace(b"## Artikel 1:3", b"## Artikel 1:3a Nieuw\n\nEen nieuw artikel.\n\n## Artikel 1:3", 1),
        text.replace(b"title: ", b"title: Nieuw ", 1),
    ]
    return [e for e in edits if e != text]


def pair():
    seeds = [read(EXAMPLE) + b"\0" + e for e in example_edits()]
    versions = history()
    for a, b in zip(versions, versions[1:]):
        for sa, sb in list(changed_stretches(a, b))[:20]:
            seeds.append(sa + b"\0" + sb)
    return seeds


def triple():
    seeds = []
    text = read(EXAMPLE)
    edits = example_edits()
    for i, ours in enumerate(edits):
        for theirs in edits[i + 1:]:
            seeds.append(text + b"\0" + ours + b"\0" + theirs)
    versions = history()
    for base, ours, theirs in zip(versions, versions[1:], versions[2:]):
        for (sb, so), (_, st) in list(zip(changed_stretches(base, ours), changed_stretches(base, theirs)))[:10]:
            seeds.append(sb + b"\0" + so + b"\0" + st)
    return seeds


COMMENT = """---
id: 1b4e28ba-2fa1-41d2-883f-0016d3cca427
author: "Jan Jansen <jan@example.nl>"
created: 2027-03-01T10:00:00+01:00
reply-to:{reply}
resolved-by:{resolved_by}
resolved-at:{resolved_at}
anchor:
  source: regeling.md
  commit: 0123456789abcdef0123456789abcdef01234567
  eid: {eid}
  exact: {exact}
  prefix: "of ontheffing binnen acht weken "
  suffix: ".\\nHet bevoegde bestuursorgaan ka"
---

Is acht weken niet te lang voor een melding?
"""


def comment():
    variants = [
        dict(reply="", resolved_by="", resolved_at="", eid="chp_1__art_1.2__para_1",
             exact='"na de datum van ontvangst van de aanvraag"'),
        dict(reply=" 0f1e2d3c-aaaa-4bbb-8ccc-0123456789ab", resolved_by="", resolved_at="",
             eid="chp_1__art_1.2__para_1", exact=""),
        dict(reply="", resolved_by=' "Eva de Vries <eva@example.nl>"', resolved_at=" 2027-03-02T09:00:00+01:00",
             eid="art_1__list_o_1__item_a", exact='"college: het college van burgemeester en wethouders"'),
        dict(reply="", resolved_by="", resolved_at="", eid="body", exact=""),
    ]
    return [COMMENT.format(**v).encode() for v in variants]


RECORDS = [
    "[amendement]\ntitle=Kortere termijn\nsubmitters=\nmotivation=\nstatus=concept\n"
    "created=2027-03-01T10:00:00+01:00\nupdated=2027-03-01T10:00:00+01:00\n",
    "[amendement]\ntitle=Vuurwerk; en = meer\nsubmitters=Piet Puk <piet@example.nl>;Eva de Vries <eva@example.nl>;\n"
    "motivation=Acht weken is te lang.\\nZes weken is genoeg.\nstatus=ingediend\n"
    "created=2027-03-01T10:00:00+01:00\nupdated=2027-03-02T09:00:00+01:00\n",
    "# Besluit van de raad\n[amendement]\ntitle=Zes weken\nsubmitters=Jan Jansen <jan@example.nl>;\n"
    "motivation=\\sMet spatie\nstatus=aangenomen\ncreated=2027-03-01T10:00:00+01:00\n"
    "updated=2027-03-14T20:00:00+01:00\n\n[vote]\ndate=2027-03-14\nmeeting=Raadsvergadering 14 maart\n"
    "for=12\nagainst=5\nresult=aangenomen\n",
    "[amendement]\ntitle=Subamendement op zes weken\nsubmitters=\nmotivation=\nstatus=verworpen\n"
    "amends=zes-weken\ncreated=2027-03-03T10:00:00Z\nupdated=2027-03-14T20:00:00Z\n\n"
    "[vote]\ndate=2027-03-14\nresult=verworpen\n",
]


def record():
    return [r.encode() for r in RECORDS]


def package():
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        def git(*args):
            subprocess.run(["git", "-C", tmp, "-c", "user.name=Fuzz", "-c", "user.email=fuzz@example.nl", *args],
                           check=True, capture_output=True)
        git("init", "-q", "-b", "main")
        with open(os.path.join(tmp, "regeling.md"), "wb") as f:
            f.write(read(EXAMPLE))
        git("add", "regeling.md")
        git("commit", "-q", "-m", "Start")
        git("checkout", "-q", "-b", "amendement/een")
        for e in example_edits()[:1]:
            with open(os.path.join(tmp, "regeling.md"), "wb") as f:
                f.write(e)
        git("commit", "-q", "-am", "Een")
        bundle = os.path.join(tmp, "a.amend")
        git("bundle", "create", bundle, "main", "amendement/een")
        whole = read(bundle)
    return [whole, whole[:whole.index(b"\n\n") + 2]]


KINDS = {"markdown": markdown, "xml": xml, "pair": pair, "triple": triple, "comment": comment,
         "package": package, "record": record}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in KINDS:
        sys.exit(f"usage: seeds.py {'|'.join(KINDS)} OUT_DIR [AMEND]")
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = KINDS[kind](*sys.argv[3:4]) if kind == "xml" else KINDS[kind]()
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()
        with open(os.path.join(out, name), "wb") as f:
            f.write(seed)
    print(f"{len(seeds)} {kind} seeds in {out}")


if __name__ == "__main__":
    main()
