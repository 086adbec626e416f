#!/usr/bin/env python3
"""gen_text.py — a large news-like text from the corpus articles, for bench/.

usage: gen_text.py MEGABYTES OUT [CORPUS_DIR] [SEED]

Builds articles of 6 to 14 paragraphs drawn from all corpus articles (so
every quote style, nesting and multi-paragraph quote keeps turning up), each
with a `date YYYY-MM-DD` header, and varies them so the file is not one
article repeated: the people and organisations of the gold annotations are
swapped for invented names, numbers are redrawn, and some paragraphs are
cut at a sentence boundary. Deterministic for a given SEED.
"""
import json, os, random, re, sys

def main():
    mb = float(sys.argv[1])
    out = sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'corpus')
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)

    paragraphs, names = [], set()
    for f in sorted(os.listdir(corpus)):
        if not f.endswith('.txt'):
            continue
        text = open(os.path.join(corpus, f), encoding='utf-8').read()
        text = re.sub(r'^\s*date \d{4}-\d\d-\d\d\s*', '', text)
        paragraphs += [p.strip() for p in re.split(r'\n\s*\n', text) if p.strip()]
        gold = os.path.join(corpus, f[:-4] + '.gold.json')
        if os.path.exists(gold):
            for e in json.load(open(gold, encoding='utf-8'))['entities']:
                if e['type'] in ('person', 'organization'):
                    names.update(m for m in e['mentions'] if len(m) > 3)
    names = sorted(names, key=len, reverse=True)
    first = ['Anna', 'Jonas', 'Maria', 'Tomasz', 'Aisha', 'Kenji', 'Elif', 'Pedro',
             'Ingrid', 'Sipho', 'Chloé', 'Dmitri', 'Nadia', 'Oskar', 'Zoë', 'Rafael']
    last = ['Berg', 'Kowalski', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Yılmaz',
            'Haddad', 'Novák', 'Silva', 'Brennan', 'Ødegård', 'Petrov', 'Mensah']
    name_re = re.compile('|'.join(re.escape(n) for n in names)) if names else None
    num_re = re.compile(r'\d+')

    def vary(p, cast):
        if name_re:
            p = name_re.sub(lambda m: cast.setdefault(m.group(0), '%s %s' % (
                rng.choice(first), rng.choice(last)) if ' ' in m.group(0) else rng.choice(last)), p)
        p = num_re.sub(lambda m: str(rng.randrange(10 ** (len(m.group(0)) - 1) if len(m.group(0)) > 1 else 0,
                                                   10 ** len(m.group(0)))), p)
        if rng.random() < 0.15:          # cut after a sentence
            cut = p.find('. ', len(p) // 2)
            if cut > 0:
                p = p[:cut + 1]
        return p

    target = int(mb * 1024 * 1024)
    size = 0
    with open(out, 'w', encoding='utf-8') as fh:
        while size < target:
            cast = {}
            start = rng.randrange(len(paragraphs))
            n = rng.randint(6, 14)
            body = [vary(paragraphs[(start + k) % len(paragraphs)] if rng.random() < 0.7
                         else rng.choice(paragraphs), cast) for k in range(n)]
            art = 'date 20%02d-%02d-%02d %s\n\n' % (rng.randint(10, 29), rng.randint(1, 12),
                                                  rng.randint(1, 28), '\n\n'.join(body))
            fh.write(art + '\n')
            size += len(art.encode('utf-8')) + 1

if __name__ == '__main__':
    main()
