#!/usr/bin/env python3
"""Turn a content/ tree (shared/CONTENT-MODEL.md) into the search documents takao hands the index writer,
as {"documents": [...]} for search_case_indexer. Used by ./run when `takao build` cannot build the corpus,
so the index can still be measured; it mirrors generator/pipeline/search_documents.cc closely, not exactly.

  corpus_documents.py CONTENT_DIR OUT.json
"""
import json
import os
import re
import sys

import yaml

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def split(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        meta = yaml.safe_load(text[4:end]) or {}
        body = text[end + 4:]
    else:
        meta, body = {}, text
    return meta, body


def plain(md):
    out = []
    for line in md.splitlines():
        s = line.strip()
        if re.match(r"^\|?\s*:?-{3,}", s):
            continue
        s = re.sub(r"^#+\s*", "", s)
        s = re.sub(r"^\d+\.\s+", "", s)
        s = LINK.sub(r"\1", s)
        s = s.replace("|", " ").replace("**", "").replace("*", "")
        if s:
            out.append(s)
    return "\n".join(out)


def authors(meta):
    names = []
    for a in meta.get("authors") or []:
        if isinstance(a, dict):
            names.append(str(a.get("name", "")))
            if a.get("name_en"):
                names.append(str(a["name_en"]))
        else:
            names.append(str(a))
    return ", ".join(names)


def main():
    root, out = sys.argv[1], sys.argv[2]
    docs = []

    def add(url, collection, meta, body, en_meta=None, en_body=None, extra=None, always_en=False):
        zh_title, en_title = str(meta.get("title", "")), str(meta.get("title_en", "") or "")
        if en_meta and en_meta.get("title"):
            en_title = str(en_meta["title"])
        date = str(meta.get("published", "") or "")
        year = int(meta.get("year") or (date[:4] if date[:4].isdigit() else 0) or 0)
        base = dict(collection=collection, date=date, year=year)
        extra = extra or {}
        docs.append(dict(base, url=url, lang="zh-Hant", title=zh_title, title_alt=en_title if en_title != zh_title else "",
                         body=plain(body), **extra.get("zh", {})))
        if en_title or en_meta is not None or always_en:
            docs.append(dict(base, url="/en" + url, lang="en", title=en_title or zh_title,
                             title_alt=zh_title if en_title and en_title != zh_title else "",
                             body=plain(en_body if en_body is not None else body), **extra.get("en", {})))

    for dirpath, dirnames, files in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        parts = [] if rel == "." else rel.split(os.sep)
        for f in sorted(files):
            if not f.endswith(".md") or f.endswith(".en.md"):
                continue
            path = os.path.join(dirpath, f)
            meta, body = split(path)
            if meta.get("draft"):
                continue
            twin = path[:-3] + ".en.md"
            en_meta, en_body = (split(twin) if os.path.exists(twin) else (None, None))
            slug = f[:-3]
            if parts and parts[0] == "glossary":
                if slug == "_index":
                    add("/glossary/", "page", meta, body, always_en=True)
                    continue
                rows = [l for l in body.splitlines() if l.startswith("|")]
                header = [c.strip() for c in rows[0].strip("|").split("|")] if rows else []
                for i, row in enumerate(rows[2:]):
                    cells = dict(zip(header, [c.strip() for c in row.strip("|").split("|")]))
                    zh, en = cells.get("中文", ""), cells.get("English", "")
                    url = f"/glossary/{slug}/{i + 1}/"
                    text = " ".join(x for x in (str(meta.get("category", "")), cells.get("行政區", ""), cells.get("備註", "")) if x)
                    docs.append(dict(url=url, lang="zh-Hant", collection="glossary", title=zh, title_alt=en,
                                     keywords=cells.get("別名", ""), body=text, date="", year=0))
                    docs.append(dict(url="/en" + url, lang="en", collection="glossary", title=en, title_alt=zh,
                                     keywords=cells.get("別名", ""), body=text, date="", year=0))
                continue
            if slug == "_index":
                url = "/" + "/".join(parts) + "/"
                kind = {1: "journal" if parts[0] == "journal" else "page", 2: "issue" if parts[0] == "journal" else "series"}.get(len(parts), "page")
                add(url, kind, meta, body, en_meta, en_body, always_en=True)
                continue
            if parts and parts[0] == "pages":
                add(f"/{slug}/", "page", meta, body, en_meta, en_body)
            elif parts and parts[0] == "journal":
                issue_meta, _ = split(os.path.join(dirpath, "_index.md"))
                abstract, abstract_en = str(meta.get("abstract", "") or ""), str(meta.get("abstract_en", "") or "")
                kw = ", ".join(map(str, meta.get("keywords") or []))
                kw_en = ", ".join(map(str, meta.get("keywords_en") or []))
                keywords = kw + (", " + kw_en if kw_en else "")
                a = authors(meta)
                meta = dict(meta, published=issue_meta.get("published", ""))
                extra = {"zh": dict(authors=a, keywords=keywords, abstract=(abstract + "\n" + abstract_en).strip()),
                         "en": dict(authors=a, keywords=keywords, abstract=(abstract_en + "\n" + abstract).strip())}
                add("/" + "/".join(parts) + f"/{slug}/", "article", meta, body, en_meta, en_body, extra)
            elif parts and parts[0] == "reports":
                keywords = " ".join(str(meta.get(k, "") or "") for k in ("agency", "award", "university", "destination")).strip()
                extra = {k: dict(authors=authors(meta), keywords=keywords) for k in ("zh", "en")}
                add("/" + "/".join(parts) + f"/{slug}/", "report", meta, body, en_meta, en_body, extra)
    docs.sort(key=lambda d: d["url"])
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"documents": docs}, fh, ensure_ascii=False)
    print(f"{len(docs)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
