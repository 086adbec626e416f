/* attrib.c — who said each quote: a sieve, most precise rule first.
 *
 * One pass over the paragraphs (each read from the token cache entities_find
 * recorded, or segmented, into a reused segment_t)
 * keeps the discourse state: the people and organisations named most recently
 * (outside quotes), the role each person was introduced with ("Finance
 * Minister", ", a nurse"), and unnamed people introduced by role ("a senior
 * diplomat"). For each top-level quote the rules are, in order:
 *   1. after it: ', SUBJECT VERB' ("…,” Rutte said), ', VERB NAME' ("…,” said
 *      Maria Lopes), ', according to X';
 *   2. before it: 'SUBJECT VERB:' in the sentence or at the end of the
 *      previous paragraph (newswire multi-paragraph quotes);
 *   3. inside the sentence: 'SUBJECT VERB … “quote”' (partial quotes, "A," she
 *      said, "B."), or a later ', according to X';
 *   4. a quote that is a sentence of its own continues the previous speaker of
 *      the paragraph, or the subject of the sentence before it; a paragraph
 *      of quotes alone continues the subject of the speech verb that ends a
 *      paragraph of reported speech before it, or takes the speaker the next
 *      paragraph names ("That was the question put by X").
 * A SUBJECT is a name, a pronoun (he, she, they, it: the most recent person or
 * organisation of that gender), a role noun ("the minister": the person
 * introduced in that role), a nationality epithet ("the Spaniard": the person
 * named last), an organisation noun ("the ministry"), or an
 * unnamed source ("an official", "critics"), which gives no speaker. A quote
 * inside a quote is said by whoever the outer speaker's words say said it
 * ("Anna said, ‘…’", "I told them, ‘…’", "he wrote: ‘…’"), else by nobody;
 * titles, terms introduced by "as" and quotes with no cue get no speaker. */
#include "config.h"
#include "engine/attrib.h"
#include "engine/entities.h"
#include "engine/lexicon.h"
#include "engine/segment.h"
#include "engine/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MRU_N 8
#define WINDOW 80       /* tokens searched around a quote for its cue */
#define ROLE_LEN 32

typedef struct {
    char name[ROLE_LEN];
    int32_t ent;            /* the latest person named in this role, or -1 */
    uint32_t pos;           /* where */
    uint32_t anon_pos;      /* latest unnamed person in this role ("a diplomat"), +1 */
} role_t;

typedef enum { S_NONE, S_NAME, S_PRONOUN, S_ROLE, S_ORGNOUN, S_EPITHET, S_ANON, S_UNKNOWN } skind_t;

typedef struct {
    skind_t kind;
    span_t span;            /* the subject's words */
    span_t cue;             /* the verb */
    int32_t ent;            /* S_NAME: the entity */
    size_t head;            /* S_ROLE, S_ORGNOUN, S_PRONOUN: the head token */
} subj_t;

typedef struct {
    int32_t speaker;        /* entity, or -1 */
    bool decided;           /* a rule fired (a null speaker is then final) */
    span_t source, cue;
    mention_kind_t kind;
} verdict_t;

typedef struct {
    doc_t *doc;
    segment_t seg;
    uint32_t tok_scale;                 /* the paragraph's tokens per byte, in 1/65536ths,
                                         * for tok_at's first guess */
    const lexicon_t *speech, *roles, *titles, *org_nouns, *modifiers, *demonyms, *function_words;
    const lexicon_t *particles;         /* name particles: "della", "van" */
    size_t mi;                          /* next doc->mentions entry to take in */
    size_t para_m0, para_m1;            /* doc->mentions starting in the paragraph */
    int32_t pmru[MRU_N], omru[MRU_N];   /* people / organisations, latest first */
    size_t npmru, nomru;
    uint32_t p0_pos;                    /* where pmru[0] was last named */
    uint32_t anon_pl;                   /* where unnamed people opened a sentence
                                         * ("Analysts at X said"), +1, or 0 */
    uint32_t o0_pos;                    /* where an organisation was last named, outside
                                         * an unnamed subject's own phrase */
    int32_t said_subj;                  /* the latest sentence subject: "NAME said …",
                                         * "NAME, who …, said", "NAME was …" */
    uint32_t anon_subj;                 /* where an unnamed person opened a sentence
                                         * ("A spokesman for X said"), +1, or 0 */
    gender_t anon_gender;               /* and their gender, when a kinship noun tells it */
    uint32_t said_pos, said_end;        /* where, and the end of that sentence */
    int32_t para_person;                /* the one person this paragraph names so far,
                                         * -1 none yet, -2 several */
    VEC(role_t) roletab;
    VEC(struct rsubj { size_t det; size_t head; }) rsubj;  /* sentences of the paragraph opened by a
                                         * role subject ("The opposition leader was …") */
    size_t rs_i;                        /* the next one to take in */
    VEC(mention_t) added;               /* pronoun and role sources */
    verdict_t colon;                    /* "…, he said:" ending the previous paragraph */
    bool colon_set;
    int32_t last_para_speaker;          /* last speaker of the previous paragraph */
    int32_t dlg_prev, dlg_prev2;        /* speakers of the last two dialogue paragraphs,
                                         * -9 when the run of dialogue broke */
    VEC(struct late { size_t q; char role[ROLE_LEN]; span_t source; size_t para; }) late;
    size_t cq0, cq1;                    /* the quotes of the previous paragraph when it
                                         * was quotes only, with no cue: [cq0, cq1) */
    size_t para;                        /* the paragraph being read */
    size_t resolving;                   /* the quote being resolved */
    uint32_t stmt_pos;                  /* where a cue last mentioned a statement
                                         * ("X said in a statement"), +1, or 0 */
    int32_t stmt_speaker;               /* and who the quote there was given to */
    bool says_statement;                /* the paragraph has "statement" outside quotes */
    size_t outside;                     /* and its number of words outside quotes */
    bool aside;                         /* the quote just judged is nobody's words inside a
                                         * speaker's sentence: the speaker goes on past it */
} at_t;

typedef VEC(mention_t) mentions_t;

/* ---- small helpers -------------------------------------------------------- */

static const token_t *TK(const at_t *A, size_t i) { return &A->seg.tokens.items[i]; }

/* Inline, so that strlen of the literal w folds and most words are ruled out
 * by their length unread. */
static inline bool word_is(const at_t *A, size_t i, const char *w)
{
    return i < A->seg.tokens.len && tok_len(TK(A, i)) == strlen(w) && tok_eq(A->doc, TK(A, i), w);
}

/* Lower-case words listed by their length, each row NULL-terminated: a
 * token is compared only with the words as long as it, so most are ruled out
 * by their length unread (and no word is measured). */
#define BY_LEN_W 7
typedef const char *const by_len_t[BY_LEN_W];

/* Token i is one of the words of by_len, a table of rows lengths (0 to
 * rows - 1; WORD_AMONG counts them). */
static bool word_among(const at_t *A, size_t i, const by_len_t *by_len, size_t rows)
{
    if (i >= A->seg.tokens.len)
        return false;
    const token_t *t = TK(A, i);
    size_t n = tok_len(t);
    if (n >= rows)
        return false;
    for (const char *const *w = by_len[n]; *w; w++)
        if (tok_eq(A->doc, t, *w))
            return true;
    return false;
}
#define WORD_AMONG(A, i, by_len) word_among(A, i, by_len, sizeof by_len / sizeof *by_len)

/* An adverb, auxiliary or modal between a speaker and the speech verb. */
static bool is_adverb(const at_t *A, size_t i)
{
    const token_t *t = TK(A, i);
    if (t->kind != TOK_WORD || (t->flags & TOKF_UPPER))
        return false;
    const char *s = tok_str(A->doc, t);
    size_t n = tok_len(t);
    if (n > 4 && memcmp(s + n - 2, "ly", 2) == 0 && !lexicon_has(A->speech, s, n))
        return true;
    return lexicon_has(A->modifiers, s, n);
}

static bool is_possessive(const at_t *A, size_t i)
{
    const char *s = tok_str(A->doc, TK(A, i));
    size_t n = tok_len(TK(A, i));
    return (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') ||
           (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0);
}

/* An uninflected verb form: no -ed, -s or -ing, and not an irregular past. */
static bool bare_form(const at_t *A, size_t i)
{
    static const by_len_t past[] = {[4] = {"said", "told", "sang"}, [5] = {"wrote", "spoke", "swore"},
        [6] = {"taught"}, [7] = {"thought"}, [8] = {"foretold"}};
    const char *s = tok_str(A->doc, TK(A, i));
    size_t n = tok_len(TK(A, i));
    if (s[n - 1] == 's' || (n > 2 && memcmp(s + n - 2, "ed", 2) == 0) ||
        (n > 3 && memcmp(s + n - 3, "ing", 3) == 0))
        return false;
    return !WORD_AMONG(A, i, past);
}

/* A verb that attributes speech with the particle "back" after it ("hit
 * back", "fired back"): the lexicon lists the pair, read only when the next
 * word is "back" (is_speech_verb asks only then). */
static bool is_phrasal_speech(const at_t *A, size_t i)
{
    const token_t *t = TK(A, i);
    char buf[24];
    size_t n = tok_len(t);
    if (n > 12 || (TK(A, i + 1)->flags & TOKF_IN_QUOTE))
        return false;
    memcpy(buf, tok_str(A->doc, t), n);
    memcpy(buf + n, " back", 5);
    return lexicon_has(A->speech, buf, n + 5);
}

/* The speech verb's word at i is used as a verb, not as a noun. */
static bool verb_use(const at_t *A, size_t i)
{
    /* a noun after a determiner or a possessive: "the union's demand", "a
     * warning", "his answer" */
    if (i > 0 && TK(A, i - 1)->kind == TOK_WORD &&
        (tok_eq(A->doc, TK(A, i - 1), "the") || tok_eq(A->doc, TK(A, i - 1), "a") ||
         tok_eq(A->doc, TK(A, i - 1), "an") || tok_eq(A->doc, TK(A, i - 1), "its") ||
         tok_eq(A->doc, TK(A, i - 1), "their") || tok_eq(A->doc, TK(A, i - 1), "his") ||
         tok_eq(A->doc, TK(A, i - 1), "her") || is_possessive(A, i - 1)))
        return false;
    /* "on a conference call", "in a radio interview": after "a" and a
     * modifier, an uninflected form is a compound noun; a singular subject
     * takes an inflected verb ("a spokesman said", "a spokesman says") */
    if (i > 1 && TK(A, i - 1)->kind == TOK_WORD && !(TK(A, i - 1)->flags & TOKF_UPPER) &&
        (tok_eq(A->doc, TK(A, i - 2), "a") || tok_eq(A->doc, TK(A, i - 2), "an")) && bare_form(A, i))
        return false;
    return true;
}

/* Inline, as it is asked of most words near a quote, and most are ruled out
 * by the first tests. */
static inline bool is_speech_verb(const at_t *A, size_t i)
{
    const token_t *t = TK(A, i);
    return t->kind == TOK_WORD && !(t->flags & (TOKF_IN_QUOTE | TOKF_UPPER)) &&
           (lexicon_has(A->speech, tok_str(A->doc, t), tok_len(t)) ||
            (word_is(A, i + 1, "back") && is_phrasal_speech(A, i))) &&
           verb_use(A, i);
}

/* The speech verb at k is the object noun of the speech verb before it:
 * "told state television", "said state media". */
static bool object_of_speech(const at_t *A, size_t k, size_t sfirst)
{
    if (k > sfirst && bare_form(A, k) && is_speech_verb(A, k - 1))
        return true;
    /* "said the government pledge “…”": after a singular noun an uninflected
     * form is the noun of a compound, the subject of what was said */
    if (k > sfirst + 2 && word_is(A, k - 2, "the") && bare_form(A, k)) {
        const token_t *n = TK(A, k - 1);
        return n->kind == TOK_WORD && !(n->flags & (TOKF_UPPER | TOKF_IN_QUOTE)) &&
               tok_str(A->doc, n)[tok_len(n) - 1] != 's' && is_speech_verb(A, k - 3);
    }
    return false;
}

/* Inline: asked of every word after a quote up to its sentence's end, and
 * inlined, word_is compares lengths first. */
static inline bool is_according_to(const at_t *A, size_t i)
{
    return word_is(A, i, "according") && word_is(A, i + 1, "to") &&
           !(TK(A, i)->flags & TOKF_IN_QUOTE);
}

static bool is_passive_aux(const at_t *A, size_t i)
{
    static const by_len_t words[] = {[2] = {"is", "be"}, [3] = {"are", "was"}, [4] = {"were", "been"},
        [5] = {"being"}};
    return WORD_AMONG(A, i, words);
}

/* The first token of the verb group ending at verb k: adverbs before it
 * belong to it ("had repeatedly said"), not past the sentence's first token. */
static size_t verb_group_start(const at_t *A, size_t k, size_t sfirst)
{
    while (k > sfirst && is_adverb(A, k - 1))
        k--;
    return k;
}

/* Verb k is passive: a form of "be" before its group ("was told", "had been asked"). */
static bool is_passive_verb(const at_t *A, size_t k, size_t sfirst)
{
    size_t b = verb_group_start(A, k, sfirst);
    return b > sfirst && is_passive_aux(A, b - 1);
}

static bool is_preposition(const at_t *A, size_t i)
{
    static const by_len_t by_len[] = {
        [2] = {"of", "at", "in", "to", "by", "on"},
        [3] = {"for"},
        [4] = {"from", "with", "near", "over", "into"},
        [5] = {"about", "under", "among"},
        [7] = {"against", "between"},
    };
    return i < A->seg.tokens.len && TK(A, i)->kind == TOK_WORD && WORD_AMONG(A, i, by_len);
}

static gender_t pronoun_gender(const at_t *A, size_t i, bool *org)
{
    *org = false;
    if (word_is(A, i, "she"))
        return GENDER_FEMALE;
    if (word_is(A, i, "he"))
        return GENDER_MALE;
    if (word_is(A, i, "they"))
        return GENDER_PLURAL;
    if (word_is(A, i, "it")) {
        *org = true;
        return GENDER_UNKNOWN;
    }
    return (gender_t)-1;
}

static bool is_pronoun(const at_t *A, size_t i)
{
    bool org;
    return !(TK(A, i)->flags & TOKF_IN_QUOTE) && (int)pronoun_gender(A, i, &org) >= 0;
}

/* Index of the token starting at byte pos (or the first after it). Tokens
 * spread evenly enough over a paragraph that a guess from pos is most often
 * a token or two off: a binary search only narrows what probes a few tokens
 * either side of the guess leave (and stays logarithmic when it is far). */
static inline size_t tok_at(const at_t *A, uint32_t pos)
{
    enum { NEAR = 2 };
    size_t lo = 0, hi = A->seg.tokens.len;
    if (hi == 0)
        return 0;
    uint32_t base = TK(A, 0)->start;
    size_t g = pos > base ? (size_t)(((uint64_t)(pos - base) * A->tok_scale) >> 16) : 0;
    if (g < hi && TK(A, g)->start < pos) {
        lo = g + 1;
        if (g + NEAR < hi && TK(A, g + NEAR)->start >= pos)
            hi = g + NEAR;
    } else {
        hi = g < hi ? g : hi;
        if (hi >= NEAR && TK(A, hi - NEAR)->start < pos)
            lo = hi - NEAR + 1;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (TK(A, mid)->start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t sentence_of(const at_t *A, size_t ti)
{
    size_t lo = 0, hi = A->seg.sentences.len;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (A->seg.sentences.items[mid].first <= ti)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The NAME mention of doc->mentions covering byte pos, or -1. */
/* The NAME mention holding pos, a position in the paragraph being read
 * (a mention never crosses a paragraph), or -1. */
static int32_t mention_at(const at_t *A, uint32_t pos)
{
    const doc_t *doc = A->doc;
    size_t lo = A->para_m0, hi = A->para_m1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->mentions.items[mid].span.start <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == A->para_m0)
        return -1;
    const mention_t *m = &doc->mentions.items[lo - 1];
    return pos < m->span.end ? (int32_t)(lo - 1) : -1;
}

static bool speaker_type(const at_t *A, int32_t e)
{
    entity_type_t t = A->doc->entities.items[e].type;
    return t == ENT_PERSON || t == ENT_ORGANIZATION;
}

static void head_word(const at_t *A, size_t h, char *buf, size_t size);
static void decide_late(at_t *A, const char *role, int32_t e);

/* ---- discourse state ------------------------------------------------------- */

static void mru_push(int32_t *mru, size_t *n, int32_t e)
{
    if (*n && mru[0] == e)
        return;     /* named again: most often the latest already */
    size_t i = 0;
    while (i < *n && mru[i] != e)
        i++;
    if (i == *n && *n < MRU_N)
        (*n)++;
    if (i >= *n)
        i = *n - 1;
    memmove(mru + 1, mru, i * sizeof *mru);
    mru[0] = e;
}

static role_t *role_find(at_t *A, const char *name, bool add)
{
    for (size_t i = 0; i < A->roletab.len; i++)
        if (A->roletab.items[i].name[0] == name[0] && strcmp(A->roletab.items[i].name, name) == 0)
            return &A->roletab.items[i];
    if (!add)
        return NULL;
    role_t r = {0};
    snprintf(r.name, sizeof r.name, "%s", name);
    r.ent = -1;
    vec_push(&A->roletab, r);
    return &vec_last(&A->roletab);
}

static void set_role(at_t *A, const char *role, int32_t e, uint32_t pos)
{
    role_t *r = role_find(A, role, true);
    r->ent = e;
    r->pos = pos;
    decide_late(A, role, e);
}

/* A title's roles, comma-separated in titles.txt: a Justice is "the
 * justice" in one paper and "the judge" in another. */
static void set_role_list(at_t *A, const char *v, int32_t e, uint32_t pos)
{
    char buf[ROLE_LEN];
    for (const char *c; (c = strchr(v, ',')) != NULL; v = c + 1) {
        size_t n = (size_t)(c - v) < sizeof buf - 1 ? (size_t)(c - v) : sizeof buf - 1;
        memcpy(buf, v, n);
        buf[n] = '\0';
        set_role(A, buf, e, pos);
    }
    set_role(A, v, e, pos);
}

/* Every role in a coordinated title before a name: "Founder and chief
 * executive J. R. Okoye" is both founder and executive. */
static void role_chain(at_t *A, size_t first, int32_t e, uint32_t pos)
{
    char buf[ROLE_LEN];
    for (size_t k = first; k-- > 0 && first - k <= 6;) {
        const token_t *t = TK(A, k);
        if (t->kind != TOK_WORD || (t->flags & TOKF_IN_QUOTE))
            break;
        const char *v = lexicon_value(A->titles, tok_str(A->doc, t), tok_len(t));
        bool title = v && *v && strcmp(v, "-") != 0;
        bool role = !title && lexicon_has(A->roles, tok_str(A->doc, t), tok_len(t));
        if ((title || role) && entities_role_qualified(A->doc, &A->seg, k))
            break;      /* "deputy mayor X" does not make X the mayor */
        if (title) {
            set_role_list(A, v, e, pos);
            continue;
        }
        if (role) {
            head_word(A, k, buf, sizeof buf);
            set_role(A, buf, e, pos);
            continue;
        }
        if (!(tok_eq(A->doc, t, "and") || v))
            break;
    }
}

/* "NAME, …, was elected mayor of X", "NAME has been appointed chief
 * executive": the role the sentence gives its subject. */
static void role_elected(at_t *A, size_t last, int32_t e, uint32_t pos)
{
    size_t n = A->seg.tokens.len, i = last + 1;
    if (i < n && tok_is_char(A->doc, TK(A, i), ',')) {
        /* skip an apposition */
        size_t k = i + 1;
        while (k < n && k < i + 30 && !tok_is_char(A->doc, TK(A, k), ',') &&
               !tok_is_char(A->doc, TK(A, k), '.'))
            k++;
        if (k >= n || !tok_is_char(A->doc, TK(A, k), ','))
            return;
        i = k + 1;
    }
    static const by_len_t aux[] = {[2] = {"is", "be"}, [3] = {"was", "has", "had"}, [4] = {"been", "will"}};
    static const by_len_t verbs[] = {[4] = {"made"}, [5] = {"named", "sworn"}, [6] = {"chosen", "became"},
        [7] = {"elected", "becomes"}, [8] = {"promoted"}, [9] = {"appointed"}, [10] = {"re-elected"}};
    bool verb = false;
    for (size_t k = 0; k < 4 && i < n; k++, i++) {
        if (TK(A, i)->kind != TOK_WORD || (TK(A, i)->flags & TOKF_UPPER))
            break;  /* every word of both lists is lower case: skip the look-ups */
        if (WORD_AMONG(A, i, verbs))
            verb = true;
        else if (!WORD_AMONG(A, i, aux))
            break;
    }
    if (!verb)
        return;
    while (i < n && (word_is(A, i, "as") || word_is(A, i, "in") || word_is(A, i, "the") ||
                     word_is(A, i, "a") || word_is(A, i, "an") || word_is(A, i, "its") ||
                     word_is(A, i, "new") || word_is(A, i, "first")))
        i++;
    /* the head: the last word before "of", "in", a comma or the end */
    size_t head = SIZE_MAX;
    for (size_t k = i; k < n && k < i + 4 && TK(A, k)->kind == TOK_WORD; k++) {
        if (word_is(A, k, "of") || word_is(A, k, "in") || word_is(A, k, "at") || word_is(A, k, "on"))
            break;
        head = k;
    }
    char buf[ROLE_LEN];
    if (head != SIZE_MAX && lexicon_has(A->roles, tok_str(A->doc, TK(A, head)), tok_len(TK(A, head)))) {
        head_word(A, head, buf, sizeof buf);
        set_role(A, buf, e, pos);
    }
}

/* The sentences of the paragraph whose subject is a definite role noun phrase
 * before its verb: "The opposition leader was not deterred.", "Her son said". */
static void find_role_subjects(at_t *A)
{
    A->rsubj.len = 0;
    A->rs_i = 0;
    for (size_t s = 0; s < A->seg.sentences.len; s++) {
        size_t d = A->seg.sentences.items[s].first, lim = d + A->seg.sentences.items[s].count;
        char c0 = A->doc->text[TK(A, d)->start];
        if ((c0 != 'T' && c0 != 'H') || (TK(A, d)->flags & TOKF_IN_QUOTE) ||
            !(word_is(A, d, "the") || word_is(A, d, "his") || word_is(A, d, "her") || word_is(A, d, "their")))
            continue;
        for (size_t j = d + 1; j + 1 < lim && j <= d + 4; j++) {
            const token_t *t = TK(A, j), *n = TK(A, j + 1);
            if (t->kind != TOK_WORD || (t->flags & (TOKF_UPPER | TOKF_IN_QUOTE)))
                break;
            if (!lexicon_has(A->roles, tok_str(A->doc, t), tok_len(t)))
                continue;
            if (n->kind == TOK_WORD && !(n->flags & (TOKF_UPPER | TOKF_IN_QUOTE)) && !is_preposition(A, j + 1) &&
                !lexicon_has(A->roles, tok_str(A->doc, n), tok_len(n))) {
                struct rsubj r = {d, j};
                vec_push(&A->rsubj, r);
                break;
            }
        }
    }
}

/* Takes in the role subjects that open a sentence before pos: one the text
 * tied to a person is that person as a subject ("The opposition leader was not
 * deterred. “…,” he said" is the opposition leader); "her son", or a role
 * introduced unnamed, is someone unnamed, whom a "he" after it means. */
static void role_subjects_to(at_t *A, uint32_t pos)
{
    for (; A->rs_i < A->rsubj.len && TK(A, A->rsubj.items[A->rs_i].det)->start < pos; A->rs_i++) {
        const struct rsubj *r = &A->rsubj.items[A->rs_i];
        char buf[ROLE_LEN];
        head_word(A, r->head, buf, sizeof buf);
        const role_t *ro = role_find(A, buf, false);
        uint32_t at = TK(A, r->det)->start;
        if (ro && ro->ent >= 0 && ro->anon_pos <= ro->pos + 1) {
            const sentence_t *st = &A->seg.sentences.items[sentence_of(A, r->det)];
            mru_push(A->pmru, &A->npmru, ro->ent);
            A->p0_pos = A->said_pos = at;
            A->said_subj = ro->ent;
            A->said_end = TK(A, st->first + st->count - 1)->end;
        } else if (!word_is(A, r->det, "the") || (ro && ro->anon_pos)) {
            const char *g = lexicon_value(A->roles, tok_str(A->doc, TK(A, r->head)), tok_len(TK(A, r->head)));
            A->anon_subj = at + 1;
            A->anon_gender = g && *g == 'm' ? GENDER_MALE : g && *g == 'f' ? GENDER_FEMALE : GENDER_UNKNOWN;
        }
    }
}

/* The name at token first modifies an unnamed subject opening its sentence:
 * "A rescuer from X, who …, said", "One lawyer for X said" — the sentence,
 * and a "he" after it, are about the rescuer, not X. */
/* A name inside a fronted "Asked whether/about …," clause: the question put
 * to the sentence's subject, who is someone else ("Asked whether Ruiz
 * would start, the coach smiled"). */
static bool in_asked_clause(const at_t *A, size_t first, size_t sfirst)
{
    size_t k = sfirst;
    char c0 = (char)(A->doc->text[TK(A, k)->start] | 32);
    if (first <= k || (c0 != 'a' && c0 != 'w'))
        return false;
    if (word_is(A, k, "when") && k + 1 < first)
        k++;
    if (!word_is(A, k, "asked"))
        return false;
    for (k++; k < first; k++)
        if (TK(A, k)->kind == TOK_PUNCT || (TK(A, k)->flags & TOKF_IN_QUOTE))
            return false;
    return true;
}

static bool in_unnamed_subject(const at_t *A, size_t first, size_t sfirst)
{
    if (first < sfirst + 2 || !is_preposition(A, first - 1))
        return false;
    const token_t *h = TK(A, first - 2);
    if (first == sfirst + 2) {
        /* "Analysts at X", "Residents of X": a plural role opening the sentence */
        size_t n = tok_len(h);
        return h->kind == TOK_WORD && n > 4 && tok_str(A->doc, h)[n - 1] == 's' &&
               lexicon_has(A->roles, tok_str(A->doc, h), n - 1);
    }
    if (h->kind != TOK_WORD || (h->flags & (TOKF_UPPER | TOKF_IN_QUOTE)) ||
        !(word_is(A, sfirst, "a") || word_is(A, sfirst, "an") || word_is(A, sfirst, "one") ||
          word_is(A, sfirst, "another")) || first - 2 > sfirst + 3)
        return false;
    for (size_t k = sfirst + 1; k < first - 2; k++)
        if (TK(A, k)->kind != TOK_WORD)
            return false;
    return lexicon_has(A->roles, tok_str(A->doc, h), tok_len(h));
}

/* "“…,” said Dr. Ana Ruiz, who …": a name right after an inverted speech
 * verb (and the title it may carry) is that verb's subject */
static bool inverted_subject(const at_t *A, size_t first, size_t sfirst)
{
    size_t k = first;
    while (k > sfirst && first - k < 3 &&
           ((TK(A, k - 1)->flags & TOKF_UPPER) || tok_is_char(A->doc, TK(A, k - 1), '.')))
        k--;
    return k > sfirst + 1 && !(TK(A, k - 1)->flags & TOKF_UPPER) && is_speech_verb(A, k - 1) &&
           ((TK(A, k - 2)->flags & TOKF_QUOTE_MARK) || tok_is_char(A->doc, TK(A, k - 2), ','));
}

/* Takes in the NAME mentions that start before pos: recency, roles, they/them
 * (advance_to's work, when there is some). */
static void take_in(at_t *A, uint32_t pos, uint32_t para_start, uint32_t para_end)
{
    doc_t *doc = A->doc;
    while (A->mi < doc->mentions.len && doc->mentions.items[A->mi].span.start < pos) {
        if (A->rs_i < A->rsubj.len)
            role_subjects_to(A, doc->mentions.items[A->mi].span.start);
        const mention_t *m = &doc->mentions.items[A->mi++];
        if (m->kind != MENTION_NAME || m->span.start < para_start || m->span.start >= para_end)
            continue;
        entity_t *e = &doc->entities.items[m->entity];
        if (e->type != ENT_PERSON && e->type != ENT_ORGANIZATION)
            continue;       /* places and dates: no speakers, no need to find their tokens */
        size_t first = tok_at(A, m->span.start);
        if (first >= A->seg.tokens.len || (TK(A, first)->flags & TOKF_IN_QUOTE))
            continue;       /* a name inside a quote is not the narrative's */
        if (e->type == ENT_ORGANIZATION) {
            mru_push(A->omru, &A->nomru, (int32_t)m->entity);
            if (!in_unnamed_subject(A, first, A->seg.sentences.items[sentence_of(A, first)].first))
                A->o0_pos = m->span.start;
            continue;
        }
        const sentence_t *ms = &A->seg.sentences.items[sentence_of(A, first)];
        if (in_asked_clause(A, first, ms->first))
            continue;       /* "Asked whether X would play, he smiled": he is not X */
        mru_push(A->pmru, &A->npmru, (int32_t)m->entity);
        if (in_unnamed_subject(A, first, ms->first))
            continue;
        A->p0_pos = m->span.start;
        if (A->para_person == -1)
            A->para_person = (int32_t)m->entity;
        else if (A->para_person != (int32_t)m->entity)
            A->para_person = -2;
        size_t last = first;    /* the name's last token: a few after its first */
        while (last + 1 < A->seg.tokens.len && TK(A, last + 1)->start < m->span.end)
            last++;
        /* "Toktogulov said he had invited Rahimzoda": the subject of a speech
         * verb, for a pronoun that follows (see resolve_pronoun) */
        size_t v = last + 1;
        if (v + 1 < A->seg.tokens.len && tok_is_char(doc, TK(A, v), ',')) {
            /* an apposition or relative clause between the subject and its
             * verb: "Collard, who has spent …, said", "X, of the University
             * of Y, said" (up to the comma that closes it in the sentence) */
            size_t c = v + 1, lim = ms->first + ms->count;
            if (!is_speech_verb(A, c))
                while (c < lim && c < v + 24 && !tok_is_char(doc, TK(A, c), ',') &&
                       !(TK(A, c)->flags & (TOKF_QUOTE_MARK | TOKF_IN_QUOTE)))
                    c++;
            if (c < lim && tok_is_char(doc, TK(A, c), ','))
                c++;
            if (c < lim && c < v + 24)
                v = c;
        }
        /* the subject of a sentence, for a pronoun that follows: the name
         * opens the sentence and a lower-case word (its verb) follows */
        bool subject = first == ms->first && v < ms->first + ms->count &&
                       TK(A, v)->kind == TOK_WORD &&
                       !(TK(A, v)->flags & (TOKF_UPPER | TOKF_IN_QUOTE));
        if (v < A->seg.tokens.len && (subject || is_speech_verb(A, v) || inverted_subject(A, first, ms->first))) {
            const sentence_t *st = &A->seg.sentences.items[sentence_of(A, v)];
            A->said_subj = (int32_t)m->entity;
            A->said_pos = m->span.start;
            A->said_end = TK(A, st->first + st->count - 1)->end;
        }
        /* what follows the name is asked about only from the comma that
         * opens an apposition ("Maria Lopes, a nurse,", "Sam Reid, who uses
         * they/them,"): most names have none */
        bool appos = last + 1 < A->seg.tokens.len && tok_is_char(doc, TK(A, last + 1), ',');
        char buf[ROLE_LEN];
        if (entities_role_near(doc, &A->seg, first, last, false, buf, sizeof buf))
            set_role(A, buf, (int32_t)m->entity, m->span.start);
        if (appos && entities_role_near(doc, &A->seg, first, last, true, buf, sizeof buf))
            set_role(A, buf, (int32_t)m->entity, m->span.start);
        role_chain(A, first, (int32_t)m->entity, m->span.start);
        role_elected(A, last, (int32_t)m->entity, m->span.start);
        if (appos && entities_they_them(doc, &A->seg, last))
            e->gender = GENDER_PLURAL;
    }
    if (A->rs_i < A->rsubj.len)
        role_subjects_to(A, pos);
}

/* Takes in what the text says before pos. Inline: most calls (one a quote
 * mark) find no mention and no role subject to take in. */
static inline void advance_to(at_t *A, uint32_t pos, uint32_t para_start, uint32_t para_end)
{
    const doc_t *doc = A->doc;
    if ((A->mi < doc->mentions.len && doc->mentions.items[A->mi].span.start < pos) || A->rs_i < A->rsubj.len)
        take_in(A, pos, para_start, para_end);
}

/* "a senior European diplomat", "one engineer": unnamed people by role. Also
 * notes whether the words outside quotes say "statement" (see decide), and
 * counts them, as this is the one pass over all of them. Out of line: a loop
 * over every token, it keeps its registers for itself. */
__attribute__((noinline)) static void note_unnamed(at_t *A)
{
    /* past a sentence's first word, only a determiner below (a, an, one,
     * another) and "statement" are asked about: most words are ruled out by
     * their length, the rest (of, to, the...) mostly by their first letter,
     * which the length names */
    static const char first_letter[10] = {[1] = 'a', [2] = 'a', [3] = 'o', [7] = 'a', [9] = 's'};
    const token_t *tk = A->seg.tokens.items;
    size_t to = A->seg.tokens.len, words = 0;
    /* only the tokens between the runs in quotes (seg.quoted: first, end
     * pairs) are read: no quoted word is asked about */
    const uint32_t *runs = A->seg.quoted.items;
    size_t nruns = A->seg.quoted.len / 2;
    for (size_t q = 0, from = 0; from < to; q++) {
        const token_t *end = tk + (q < nruns ? runs[2 * q] : to);
        /* by pointer: a word skipped costs one increment, not three (-0.5%
         * of all instructions); i is worked out for the few that are not */
        for (const token_t *t = tk + from; t < end; t++) {
            size_t len = tok_len(t);
            if (t->kind != TOK_WORD)
                continue;
            words++;
            if (!(t->flags & TOKF_SENT_START) &&
                (len > 9 || !first_letter[len] || (*tok_str(A->doc, t) | 32) != first_letter[len]))
                continue;
            size_t i = (size_t)(t - tk);
            if (len == 9 && tok_eq(A->doc, t, "statement"))
                A->says_statement = true;
            /* "Analysts at X said", "Residents said": a plural role opening a
             * sentence, whom a "they" after it means (one look-up a sentence) */
            if ((t->flags & TOKF_SENT_START) && len > 4 &&
                tok_str(A->doc, t)[len - 1] == 's' && i + 1 < to && TK(A, i + 1)->kind == TOK_WORD &&
                mention_at(A, t->start) < 0 && lexicon_has(A->roles, tok_str(A->doc, t), len - 1)) {
                A->anon_pl = t->start + 1;
                continue;
            }
            /* "The study's authors acknowledged", "Their lawyers said" */
            if ((t->flags & TOKF_SENT_START) &&
                (word_is(A, i, "the") || word_is(A, i, "their") || word_is(A, i, "its") ||
                 word_is(A, i, "his") || word_is(A, i, "her")))
                for (size_t k = i + 1; k + 1 < to && k <= i + 3; k++) {
                    const token_t *w = TK(A, k), *nx = TK(A, k + 1);
                    size_t wl = tok_len(w);
                    if (w->kind != TOK_WORD || (w->flags & (TOKF_UPPER | TOKF_IN_QUOTE)))
                        break;
                    if (wl > 4 && tok_str(A->doc, w)[wl - 1] == 's' && nx->kind == TOK_WORD &&
                        !(nx->flags & (TOKF_UPPER | TOKF_IN_QUOTE)) && lexicon_has(A->roles, tok_str(A->doc, w), wl - 1)) {
                        A->anon_pl = t->start + 1;
                        break;
                    }
                }
            /* a, an, one, another (literals: tok_eq compares the length first and
             * the letters unrolled) */
            if (!(tok_eq(A->doc, t, "a") || tok_eq(A->doc, t, "an") || tok_eq(A->doc, t, "one") ||
                  tok_eq(A->doc, t, "another")))
                continue;
            /* "Maria Lopes, a nurse": in apposition to a name, not unnamed */
            if (i >= 2 && tok_is_char(A->doc, TK(A, i - 1), ',') && mention_at(A, TK(A, i - 2)->start) >= 0)
                continue;
            for (size_t k = i + 1; k < to && k < i + 6; k++) {
                const token_t *w = TK(A, k);
                if (w->kind != TOK_WORD)
                    break;
                if (lexicon_has(A->roles, tok_str(A->doc, w), tok_len(w))) {
                    /* "Another resident, Meera Joshi, said": named after all */
                    if (k + 2 < to && tok_is_char(A->doc, TK(A, k + 1), ',') &&
                        mention_at(A, TK(A, k + 2)->start) >= 0)
                        break;
                    char buf[ROLE_LEN];
                    size_t n = tok_len(w) < ROLE_LEN - 1 ? tok_len(w) : ROLE_LEN - 1;
                    for (size_t c = 0; c < n; c++) {
                        char ch = tok_str(A->doc, w)[c];
                        buf[c] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                    }
                    buf[n] = '\0';
                    role_t *r = role_find(A, buf, true);
                    r->anon_pos = w->start + 1;
                    if (t->flags & TOKF_SENT_START) {
                        A->anon_subj = w->start + 1;
                        A->anon_gender = GENDER_UNKNOWN;
                    }
                    break;
                }
            }
        }
        from = q < nruns ? runs[2 * q + 1] : to;
    }
    A->outside = words;
}

/* ---- subjects -------------------------------------------------------------- */

/* A noun phrase read backwards from its head at h: "the union president",
 * "the company's founder", "one engineer", "critics". */
static subj_t np_back(const at_t *A, size_t h, size_t lo)
{
    subj_t s = {S_UNKNOWN, {TK(A, h)->start, TK(A, h)->end}, SPAN_NONE, -1, h};
    const token_t *head = TK(A, h);
    const char *hs = tok_str(A->doc, head);
    size_t hn = tok_len(head);
    bool role = lexicon_has(A->roles, hs, hn) ||
                (hn > 6 && strncmp(hs + hn - 6, "-elect", 6) == 0 && lexicon_has(A->roles, hs, hn - 6));
    bool plural_role = !role && hn > 3 && hs[hn - 1] == 's' && lexicon_has(A->roles, hs, hn - 1);
    bool org = lexicon_has(A->org_nouns, hs, hn);
    size_t k = h;
    int det = 0;    /* 1 definite, 2 indefinite */
    while (k > lo && h - k < 6) {
        size_t p = k - 1;
        const token_t *t = TK(A, p);
        if (t->kind != TOK_WORD)
            break;
        if (word_is(A, p, "the") || word_is(A, p, "this") || word_is(A, p, "its") ||
            word_is(A, p, "his") || word_is(A, p, "her") || word_is(A, p, "their")) {
            det = 1;
            k = p;
            break;
        }
        if (word_is(A, p, "a") || word_is(A, p, "an") || word_is(A, p, "one") || word_is(A, p, "another") ||
            word_is(A, p, "some") || word_is(A, p, "several") || word_is(A, p, "many")) {
            det = 2;
            k = p;
            break;
        }
        if (t->flags & TOKF_UPPER && !(t->flags & TOKF_SENT_START)) {
            /* "Lithuania's foreign minister", "the Arenal coach" */
            k = p;
            continue;
        }
        if (is_speech_verb(A, p) || is_preposition(A, p))
            break;
        k = p;
    }
    s.span.start = TK(A, k)->start;
    if (det == 0 && k < h) {
        /* "the company's founder": a possessive before the head makes it definite */
        for (size_t i = k; i < h; i++) {
            const char *ts = tok_str(A->doc, TK(A, i));
            size_t tn = tok_len(TK(A, i));
            if ((tn > 2 && ts[tn - 2] == '\'' && ts[tn - 1] == 's') ||
                (tn > 4 && memcmp(ts + tn - 4, "\xE2\x80\x99s", 4) == 0))
                det = 1;
        }
    }
    /* an organisation noun owned by an unnamed role-holder or by a person
     * is no organisation named before: "the prime minister's office", "the
     * mayor's office" (lower case: not "the Minister's office" of a title
     * standing for a name), "Dijkstra's ministry" */
    if (org && !role && det == 1)
        for (size_t i = k; i < h; i++) {
            const char *ts = tok_str(A->doc, TK(A, i));
            size_t tn = tok_len(TK(A, i));
            size_t pn = (tn > 2 && ts[tn - 2] == '\'' && ts[tn - 1] == 's') ? tn - 2 :
                        (tn > 4 && memcmp(ts + tn - 4, "\xE2\x80\x99s", 4) == 0) ? tn - 4 : 0;
            if (pn && !(TK(A, i)->flags & TOKF_UPPER) && lexicon_has(A->roles, ts, pn))
                det = 2;
            /* (or by a person named before: "Dijkstra's ministry said") */
            int32_t mi;
            if (pn && (TK(A, i)->flags & TOKF_UPPER) && (mi = mention_at(A, TK(A, i)->start)) >= 0 &&
                (int32_t)A->doc->mentions.items[mi].entity >= 0 &&
                A->doc->entities.items[A->doc->mentions.items[mi].entity].type == ENT_PERSON)
                det = 2;
        }
    if (det == 1 && (head->flags & TOKF_UPPER) && lexicon_has(A->demonyms, hs, hn))
        s.kind = S_EPITHET;     /* "the Spaniard": the person just named */
    else if (det == 2 || plural_role)
        s.kind = S_ANON;
    else if (det == 1 && role)
        s.kind = S_ROLE;
    else if (det == 1 && org)
        s.kind = S_ORGNOUN;
    else if (role && (TK(A, k)->flags & TOKF_SENT_START))
        s.kind = S_ROLE;    /* "Police said" -> a role without article */
    return s;
}

static subj_t name_subject(const at_t *A, int32_t mi)
{
    const mention_t *m = &A->doc->mentions.items[mi];
    subj_t s = {S_NAME, m->span, SPAN_NONE, (int32_t)m->entity, 0};
    if (!speaker_type(A, (int32_t)m->entity))
        s.kind = S_UNKNOWN;
    return s;
}

static subj_t subject_after(const at_t *A, size_t i, size_t send, size_t *end);

/* A capitalised word opening a sentence that is no mention but the first or
 * last word of one person or organisation named before: a short form of
 * that name ("Park" for "Park Ji-hoon", family name first; "Rovers" for
 * "Wexford Rovers"). Only for a subject nothing else resolved, so rare. */
static subj_t name_part_subject(const at_t *A, size_t k)
{
    subj_t s = {S_UNKNOWN, SPAN_NONE, SPAN_NONE, -1, 0};
    const token_t *t = TK(A, k);
    size_t n = tok_len(t);
    if (t->kind != TOK_WORD || !(t->flags & TOKF_UPPER) || n < 3 || mention_at(A, t->start) >= 0)
        return s;
    const char *w = tok_str(A->doc, t);
    int32_t found = -1;
    for (int org = 0; org < 2; org++) {
        const int32_t *mru = org ? A->omru : A->pmru;
        size_t nm = org ? A->nomru : A->npmru;
        for (size_t i = 0; i < nm; i++) {
            const char *name = A->doc->entities.items[mru[i]].name;
            const char *sp = strchr(name, ' '), *last = strrchr(name, ' ');
            if (!sp)
                continue;   /* a one-word name would be a mention already */
            bool hit = ((size_t)(sp - name) == n && memcmp(name, w, n) == 0) ||
                       (strlen(last + 1) == n && memcmp(last + 1, w, n) == 0);
            if (hit && found >= 0 && found != mru[i])
                return s;   /* ambiguous */
            if (hit)
                found = mru[i];
        }
    }
    if (found >= 0 && speaker_type(A, found))
        s = (subj_t){S_NAME, {t->start, t->end}, SPAN_NONE, found, k};
    return s;
}

/* The subject of the speech verb at v, looking left within the sentence. */
static subj_t subject_before(const at_t *A, size_t v, size_t sfirst)
{
    subj_t none = {S_NONE, SPAN_NONE, SPAN_NONE, -1, 0};
    if (v == 0 || v <= sfirst)
        return none;
    size_t k = v - 1;
    while (k > sfirst && is_adverb(A, k))
        k--;
    if (is_passive_aux(A, k))
        return (subj_t){S_UNKNOWN, SPAN_NONE, SPAN_NONE, -1, 0};
    /* a second verb phrase shares the sentence's subject: "Ana Ruiz, the
     * party's candidate, came fourth and said she was “proud”" */
    if (k > sfirst + 2 && (word_is(A, k, "and") || word_is(A, k, "but")) &&
        !(TK(A, k - 1)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))) {
        size_t e = sfirst;
        subj_t s = subject_after(A, sfirst, k, &e);
        if ((s.kind == S_NAME || s.kind == S_PRONOUN) && e > sfirst && e + 1 < k &&
            !is_possessive(A, e - 1) && !word_is(A, e, "and"))
            return s;
    }
    /* an acronym in brackets after a name: "the Kidney Foundation (KF) said",
     * "Li Wei of Fudan University (FU) said" */
    if (k > sfirst + 2 && tok_is_char(A->doc, TK(A, k), ')')) {
        size_t j = k - 1;
        while (j > sfirst && j + 3 > k && TK(A, j)->kind == TOK_WORD && (TK(A, j)->flags & TOKF_UPPER))
            j--;
        if (j < k - 1 && tok_is_char(A->doc, TK(A, j), '(') && j > sfirst &&
            mention_at(A, TK(A, j - 1)->start) >= 0)
            k = j - 1;
    }
    const token_t *t = TK(A, k);
    if (t->flags & TOKF_IN_QUOTE || (t->flags & TOKF_QUOTE_MARK))
        return none;
    if (is_pronoun(A, k))
        return (subj_t){S_PRONOUN, {t->start, t->end}, SPAN_NONE, -1, k};
    /* a relative clause on a name, perhaps after its apposition: "…, Brendan
     * Ashworth, who told MPs that", "Lena Voss, a nurse, who said" */
    if (word_is(A, k, "who") && k >= sfirst + 2 && tok_is_char(A->doc, TK(A, k - 1), ',')) {
        int32_t m2 = mention_at(A, TK(A, k - 2)->start);
        for (size_t j = k - 2; m2 < 0 && j > sfirst + 1 && k - j < 14; j--) {
            if (TK(A, j)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))
                break;
            if (tok_is_char(A->doc, TK(A, j), ',')) {
                m2 = mention_at(A, TK(A, j - 1)->start);
                break;
            }
        }
        if (m2 >= 0 && A->doc->mentions.items[m2].kind == MENTION_NAME &&
            speaker_type(A, (int32_t)A->doc->mentions.items[m2].entity))
            return name_subject(A, m2);
    }
    int32_t mi = mention_at(A, t->start);
    if (mi >= 0 && A->doc->mentions.items[mi].kind == MENTION_NAME) {
        const mention_t *m = &A->doc->mentions.items[mi];
        size_t f = tok_at(A, m->span.start);
        if (f > sfirst && word_is(A, f - 1, "the") && !speaker_type(A, (int32_t)m->entity))
            return np_back(A, k, sfirst);
        /* "A spokeswoman for the Ministry of Health said": a name inside a
         * prepositional phrase after the sentence's first noun phrase modifies
         * that noun, which is the subject */
        size_t p = f > sfirst && word_is(A, f - 1, "the") ? f - 1 : f;
        /* "Ana Ruiz of the University of Chile said": the person, not her institution */
        if (p >= sfirst + 2 && (word_is(A, p - 1, "of") || word_is(A, p - 1, "from") || word_is(A, p - 1, "at"))) {
            int32_t mp = mention_at(A, TK(A, p - 2)->start);
            if (mp >= 0 && A->doc->mentions.items[mp].kind == MENTION_NAME &&
                A->doc->entities.items[A->doc->mentions.items[mp].entity].type == ENT_PERSON)
                return name_subject(A, mp);
        }
        /* (the noun may open the sentence capitalised: "Analysts at Kestrel Bank said") */
        if (p >= sfirst + 2 && is_preposition(A, p - 1) && TK(A, p - 2)->kind == TOK_WORD &&
            (!(TK(A, p - 2)->flags & TOKF_UPPER) || p - 2 == sfirst) &&
            !(TK(A, p - 2)->flags & TOKF_IN_QUOTE) && mention_at(A, TK(A, p - 2)->start) < 0) {
            subj_t s = np_back(A, p - 2, sfirst);
            /* "the widow of NAME", "the lawyer of NAME": someone other than
             * the person named, and not named here */
            if (s.kind == S_ROLE && word_is(A, p - 1, "of") &&
                A->doc->entities.items[m->entity].type == ENT_PERSON)
                s.kind = S_ANON;
            if (s.span.start == TK(A, sfirst)->start)
                return s;
            /* or after a fronted prepositional or participle clause: "In a
             * statement, the family of NAME said" */
            size_t fs = tok_at(A, s.span.start);
            const token_t *t0 = TK(A, sfirst);
            if (fs > sfirst + 1 && fs < p - 1 && tok_is_char(A->doc, TK(A, fs - 1), ',') &&
                (is_preposition(A, sfirst) ||
                 (t0->kind == TOK_WORD && tok_len(t0) > 5 &&
                  memcmp(tok_str(A->doc, t0) + tok_len(t0) - 3, "ing", 3) == 0)))
                return s;
        }
        return name_subject(A, mi);
    }
    if (t->kind == TOK_WORD && (!(t->flags & TOKF_UPPER) || (t->flags & TOKF_SENT_START) ||
                                (k > sfirst && word_is(A, k - 1, "the") &&
                                 (lexicon_has(A->demonyms, tok_str(A->doc, t), tok_len(t)) ||
                                  lexicon_has(A->roles, tok_str(A->doc, t), tok_len(t)))))) {
        /* "Critics said", "the minister said", "the Spaniard said", "the Premier
         * said" (a capitalised role); in "a spokesperson for the
         * agency said" the head is the noun before the preposition */
        subj_t s = np_back(A, k, sfirst);
        if (s.kind == S_UNKNOWN && k == sfirst)
            s = name_part_subject(A, k);    /* "Rovers confirmed …" */
        for (int hops = 0; hops < 2; hops++) {
            size_t f = tok_at(A, s.span.start);
            if (f < sfirst + 2 || !is_preposition(A, f - 1) || TK(A, f - 2)->kind != TOK_WORD)
                break;
            int32_t m2 = mention_at(A, TK(A, f - 2)->start);
            if (m2 >= 0) {
                s = name_subject(A, m2);    /* "Jane Doe of the council said" */
                break;
            }
            s = np_back(A, f - 2, sfirst);
        }
        return s;
    }
    if (tok_is_char(A->doc, t, ',')) {
        /* "Kallas, who represents …, argued": the first name of the sentence
         * followed by a comma, not governed by a preposition */
        size_t from = k > sfirst + WINDOW ? k - WINDOW : sfirst;
        /* a fronted participle or prepositional clause is no subject: in
         * "Opening the debate on the Water Bill, the minister, Ana Ruiz,
         * said" or "At a meeting with Rutte, Kallas said" its names are not */
        if (from == sfirst && mention_at(A, TK(A, sfirst)->start) < 0 &&
            (is_preposition(A, sfirst) ||
             (tok_len(TK(A, sfirst)) > 5 &&
              memcmp(tok_str(A->doc, TK(A, sfirst)) + tok_len(TK(A, sfirst)) - 3, "ing", 3) == 0)))
            for (size_t i = sfirst + 1; i + 1 < k && i < sfirst + 24; i++) {
                if (TK(A, i)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))
                    break;
                if (tok_is_char(A->doc, TK(A, i), ',')) {
                    from = i + 1;
                    break;
                }
            }
        for (size_t i = from; i < k; i++) {
            const token_t *w = TK(A, i);
            if (w->flags & TOKF_IN_QUOTE || w->kind != TOK_WORD)
                continue;
            int32_t m2 = mention_at(A, w->start);
            if (m2 < 0 || A->doc->mentions.items[m2].span.start != w->start)
                continue;
            const mention_t *m = &A->doc->mentions.items[m2];
            size_t e = tok_at(A, m->span.end);
            /* (perhaps after a title: "Dr. Lars Berg of …"; or in apposition
             * to a role phrase: "The study's senior author, Dr. Lars Berg of
             * …, said") */
            size_t i0 = i;
            while (i0 > sfirst && i - i0 < 3 &&
                   (tok_is_char(A->doc, TK(A, i0 - 1), '.') ||
                    (TK(A, i0 - 1)->kind == TOK_WORD &&
                     lexicon_has(A->titles, tok_str(A->doc, TK(A, i0 - 1)), tok_len(TK(A, i0 - 1))))))
                i0--;
            if ((i0 == sfirst || (i0 > sfirst + 1 && tok_is_char(A->doc, TK(A, i0 - 1), ',') &&
                                  TK(A, i0 - 2)->kind == TOK_WORD && !(TK(A, i0 - 2)->flags & TOKF_UPPER) &&
                                  lexicon_has(A->roles, tok_str(A->doc, TK(A, i0 - 2)), tok_len(TK(A, i0 - 2))))) &&
                A->doc->entities.items[m->entity].type == ENT_PERSON &&
                (word_is(A, e, "of") || word_is(A, e, "from") || word_is(A, e, "at")))
                return name_subject(A, m2);     /* "Lars Berg of the Seabird Trust, who …, called" */
            /* its acronym in brackets before the comma: "the Polar Institute (NPI), which …, said" */
            bool acro = e + 3 < k && tok_is_char(A->doc, TK(A, e), '(') && tok_is_char(A->doc, TK(A, e + 2), ')');
            if (!acro && (e >= A->seg.tokens.len || TK(A, e)->start != m->span.end))
                continue;   /* a possessive: "Lisbon's" */
            if (acro)
                e += 3;
            /* "Ada Park, an analyst at Kestrel Bank, said": the sentence's
             * first name, with an apposition after it, is the subject even
             * when it was not recognised as a person; the names inside the
             * apposition are not */
            if (i == from && tok_is_char(A->doc, TK(A, e), ',') && e + 2 < k &&
                (word_is(A, e + 1, "a") || word_is(A, e + 1, "an") || word_is(A, e + 1, "the")) &&
                A->doc->entities.items[m->entity].type == ENT_PLACE)
                return (subj_t){S_UNKNOWN, SPAN_NONE, SPAN_NONE, -1, 0};
            if (!tok_is_char(A->doc, TK(A, e), ',') || !speaker_type(A, (int32_t)m->entity))
                continue;
            if (i > sfirst && is_preposition(A, i - 1))
                continue;
            return name_subject(A, m2);
        }
        /* "One senior coalition official, speaking on condition …, said:" */
        for (size_t i = sfirst; i < k && i < sfirst + 8; i++)
            if (tok_is_char(A->doc, TK(A, i), ',')) {
                if (i > sfirst && TK(A, i - 1)->kind == TOK_WORD) {
                    subj_t s = np_back(A, i - 1, sfirst);
                    /* "Park, speaking by video link from …, called": a short name */
                    if (s.kind == S_UNKNOWN && i - 1 == sfirst)
                        s = name_part_subject(A, sfirst);
                    return s;
                }
                break;
            }
        return none;
    }
    return (subj_t){S_UNKNOWN, SPAN_NONE, SPAN_NONE, -1, 0};
}

/* Whether the lower-case word at k belongs to a role phrase before a name:
 * a role noun itself or a word modifying the role noun after it ("club
 * chairman", "finance chief"). Determiners are not: "said a spokesman for X"
 * names the spokesman, not X. */
static bool role_phrase_word(const at_t *A, size_t k, size_t send)
{
    const token_t *t = TK(A, k);
    if (t->kind != TOK_WORD || (t->flags & TOKF_UPPER) || word_is(A, k, "a") || word_is(A, k, "an") ||
        word_is(A, k, "the") || word_is(A, k, "one"))
        return false;
    /* a lower-case modifier of a title: "state Rep. Ana Ruiz", "county
     * Commissioner Li Wei" ("state" is a speech verb too, but not before a title) */
    if (k + 1 < send && (TK(A, k + 1)->flags & TOKF_UPPER) && !is_preposition(A, k) &&
        lexicon_has(A->titles, tok_str(A->doc, TK(A, k + 1)), tok_len(TK(A, k + 1))))
        return true;
    if (is_speech_verb(A, k))
        return false;
    for (size_t j = k; j < send && j <= k + 1; j++)
        if (TK(A, j)->kind == TOK_WORD && !(TK(A, j)->flags & TOKF_UPPER) &&
            lexicon_has(A->roles, tok_str(A->doc, TK(A, j)), tok_len(TK(A, j))))
            return true;
    /* a modifier, then a place or an organisation, then the role: "former
     * New Zealand captain Ann Lee", "then Labour leader Tom Hale" */
    size_t j = k + 1;
    while (j < send && j <= k + 3 && TK(A, j)->kind == TOK_WORD && (TK(A, j)->flags & TOKF_UPPER))
        j++;
    return j > k + 1 && j < send && TK(A, j)->kind == TOK_WORD && !(TK(A, j)->flags & TOKF_UPPER) &&
           lexicon_has(A->roles, tok_str(A->doc, TK(A, j)), tok_len(TK(A, j)));
}

/* "the union's secretary-general, Dr. Ada Kamau, told": after a role phrase
 * and the comma at token k, a person's name (titles before it allowed) closed
 * by a second comma is the subject. *end receives the token after that comma. */
static subj_t role_apposition(const at_t *A, size_t k, size_t send, size_t *end)
{
    subj_t none = {S_NONE, SPAN_NONE, SPAN_NONE, -1, 0};
    for (size_t j = k + 1; j < send && j < k + 5; j++) {
        const token_t *t = TK(A, j);
        int32_t mi = mention_at(A, t->start);
        if (mi >= 0 && A->doc->mentions.items[mi].span.start == t->start) {
            const mention_t *m = &A->doc->mentions.items[mi];
            size_t e = tok_at(A, m->span.end);
            /* closed by a comma, or the sentence ends: "said the chief negotiator, Ana Ruiz." */
            if (A->doc->entities.items[m->entity].type != ENT_PERSON ||
                (e < send && !tok_is_char(A->doc, TK(A, e), ',') && !tok_is_char(A->doc, TK(A, e), '.')))
                return none;
            *end = e + 1;
            return name_subject(A, mi);
        }
        if ((t->flags & TOKF_IN_QUOTE) ||
            !((t->kind == TOK_WORD && (t->flags & TOKF_UPPER)) || tok_is_char(A->doc, t, '.')))
            return none;
    }
    return none;
}

/* A subject that starts at token i, reading right: "she", "Ortega",
 * "Chief Executive Søren Ødegaard", "the minister", "the WAPC", "one engineer".
 * *end receives the token after it. */
static subj_t subject_after(const at_t *A, size_t i, size_t send, size_t *end)
{
    subj_t none = {S_NONE, SPAN_NONE, SPAN_NONE, -1, 0};
    if (i >= send)
        return none;
    if (is_pronoun(A, i)) {
        *end = i + 1;
        return (subj_t){S_PRONOUN, {TK(A, i)->start, TK(A, i)->end}, SPAN_NONE, -1, i};
    }
    /* a possessive role phrase in apposition to a name is that person, not
     * the possessor: "Indonesia's minister of marine affairs and fisheries,
     * Siti Nugroho,", "Acme's president, Ken Ito, told", "Anna Kerr's
     * lawyer, Tomas Vik," */
    size_t ps = i;
    while (ps < send && ps < i + 3 && TK(A, ps)->kind == TOK_WORD && (TK(A, ps)->flags & TOKF_UPPER) &&
           !is_possessive(A, ps))
        ps++;
    if (ps < send && TK(A, ps)->kind == TOK_WORD && (TK(A, ps)->flags & TOKF_UPPER) && is_possessive(A, ps))
        for (size_t k = ps + 1; k < send && k < ps + 10; k++) {
            if (tok_is_char(A->doc, TK(A, k), ',')) {
                subj_t s = k > ps + 1 ? role_apposition(A, k, send, end) : none;
                if (s.kind != S_NONE)
                    return s;
            }
            if (TK(A, k)->kind != TOK_WORD || (TK(A, k)->flags & TOKF_IN_QUOTE) ||
                is_speech_verb(A, k)) {
                /* no name: the role itself ("said Acme's finance chief, who
                 * asked not to be named"), a person, not the possessor */
                const token_t *h = TK(A, k - 1);
                if (k > ps + 1 && !(TK(A, k)->flags & TOKF_IN_QUOTE) && !(h->flags & TOKF_UPPER) &&
                    lexicon_has(A->roles, tok_str(A->doc, h), tok_len(h))) {
                    subj_t s = np_back(A, k - 1, i);
                    s.span.start = TK(A, i)->start;
                    *end = k;
                    return s;
                }
                break;
            }
        }
    /* titles before a name: capitalised words that are not part of the mention,
     * or a lower-case role phrase ("said club chairman Hugh Baird", "deputy
     * mayor Sione Taufa", "finance chief Henrik Aalto") */
    for (size_t k = i; k < send && k < i + 6; k++) {
        const token_t *t = TK(A, k);
        if (t->flags & TOKF_IN_QUOTE)
            return none;
        int32_t mi = mention_at(A, t->start);
        if (mi >= 0 && A->doc->mentions.items[mi].span.start == t->start) {
            *end = tok_at(A, A->doc->mentions.items[mi].span.end);
            /* "White House press secretary Karine Jean-Pierre told": the person */
            if (A->doc->entities.items[A->doc->mentions.items[mi].entity].type != ENT_PERSON) {
                for (size_t j = *end; j < send && j < *end + 5 && TK(A, j)->kind == TOK_WORD; j++) {
                    int32_t mj = mention_at(A, TK(A, j)->start);
                    if (mj >= 0 && A->doc->mentions.items[mj].span.start == TK(A, j)->start) {
                        if (A->doc->entities.items[A->doc->mentions.items[mj].entity].type == ENT_PERSON) {
                            *end = tok_at(A, A->doc->mentions.items[mj].span.end);
                            return name_subject(A, mj);
                        }
                        break;
                    }
                    if (is_speech_verb(A, j))
                        break;
                }
            }
            return name_subject(A, mi);
        }
        /* a lower-case particle that opens a surname but is not in its
         * mention: "“…,” della Rovere said", "van Dijk told" (looked up only
         * before a name) */
        if (t->kind == TOK_WORD && !(t->flags & TOKF_UPPER) && k + 1 < send &&
            (TK(A, k + 1)->flags & TOKF_UPPER) && mention_at(A, TK(A, k + 1)->start) >= 0 &&
            lexicon_has(A->particles, tok_str(A->doc, t), tok_len(t)))
            continue;
        if (!(t->kind == TOK_WORD && (t->flags & TOKF_UPPER)) && !tok_is_char(A->doc, t, '.') &&
            !role_phrase_word(A, k, send))
            break;
    }
    /* a common noun phrase up to the verb */
    bool det = word_is(A, i, "the") || word_is(A, i, "a") || word_is(A, i, "an") ||
               word_is(A, i, "one") || word_is(A, i, "another");
    if (!det)
        return none;
    for (size_t k = i + 1; k < send && k < i + 7; k++) {
        if (k > i + 1 && tok_is_char(A->doc, TK(A, k), ','))
            return role_apposition(A, k, send, end);
        if (TK(A, k)->kind != TOK_WORD || (TK(A, k)->flags & TOKF_IN_QUOTE))
            return none;
        if (is_speech_verb(A, k)) {
            *end = k;
            subj_t s = np_back(A, k - 1, i);
            int32_t mi = mention_at(A, TK(A, k - 1)->start);
            if (mi >= 0 && speaker_type(A, (int32_t)A->doc->mentions.items[mi].entity))
                s = name_subject(A, mi);    /* "the WAPC said" */
            s.span.start = TK(A, i)->start;
            return s;
        }
    }
    return none;
}

/* ---- resolution -------------------------------------------------------------- */

static int32_t resolve_gender(at_t *A, gender_t g, bool org, size_t ti);

static int32_t resolve_pronoun(at_t *A, size_t ti)
{
    bool org;
    gender_t g = pronoun_gender(A, ti, &org);
    return resolve_gender(A, g, org, ti);
}

/* The people in the order they were last named before pos, which may lie
 * before mentions already taken in: in "She asked …, which she said had
 * spared Ms Roe “…”" she is not Roe, named after her. Only when a mention
 * after pos was taken in does the order need to be worked out again. */
static size_t mru_at(const at_t *A, uint32_t pos, int32_t *out)
{
    const mention_t *ms = A->doc->mentions.items;
    memcpy(out, A->pmru, A->npmru * sizeof *out);
    if (A->mi == 0 || ms[A->mi - 1].span.start < pos)
        return A->npmru;
    uint32_t at[MRU_N] = {0};   /* latest mention before pos, +1; 0: not seen */
    size_t found = 0;
    for (size_t k = A->mi; k-- > 0 && found < A->npmru && A->mi - k <= 400;) {
        if (ms[k].kind != MENTION_NAME || ms[k].span.start >= pos)
            continue;
        for (size_t i = 0; i < A->npmru; i++)
            if (out[i] == (int32_t)ms[k].entity) {
                if (!at[i]) {
                    at[i] = ms[k].span.start + 1;
                    found++;
                }
                break;      /* an entity is in the list once */
            }
    }
    /* a stable insertion sort, latest first; those not seen keep their order after */
    for (size_t i = 1; i < A->npmru; i++)
        for (size_t j = i; j > 0 && at[j] > at[j - 1]; j--) {
            uint32_t ta = at[j];
            at[j] = at[j - 1];
            at[j - 1] = ta;
            int32_t te = out[j];
            out[j] = out[j - 1];
            out[j - 1] = te;
        }
    return A->npmru;
}

/* A pronoun of gender g (an organisation's "it" when org) at token ti. */
static int32_t resolve_gender(at_t *A, gender_t g, bool org, size_t ti)
{
    if (org)
        return A->nomru ? A->omru[0] : -1;
    entity_t *ents = A->doc->entities.items;
    if (g == GENDER_PLURAL) {
        /* unnamed people opened a sentence since anyone was named: "Analysts
         * at X were less sure. “…,” they wrote" */
        if (A->anon_pl && A->anon_pl <= TK(A, ti)->start &&
            A->anon_pl > A->p0_pos + 1 && A->anon_pl > A->o0_pos + 1)
            return -1;
        for (size_t i = 0; i < A->npmru && i < 3; i++)
            if (ents[A->pmru[i]].gender == GENDER_PLURAL)
                return A->pmru[i];
        return A->nomru ? A->omru[0] : -1;
    }
    /* an unnamed person opened a sentence after the latest name and before
     * the pronoun: "A spokesman for the council said … “…,” he said" is
     * the spokesman, no one named */
    if (A->anon_subj > A->p0_pos + 1 && A->anon_subj <= TK(A, ti)->start &&
        (A->anon_gender == GENDER_UNKNOWN || A->anon_gender == g))
        return -1;
    /* a subject outranks an object of its own sentence: in "Toktogulov said he
     * had invited Rahimzoda. … he said" he is Toktogulov (centering: the
     * preferred antecedent is the previous utterance's subject) */
    if (A->said_subj >= 0 && A->npmru && A->pmru[0] != A->said_subj &&
        A->p0_pos > A->said_pos && A->p0_pos < A->said_end &&
        (ents[A->said_subj].gender == g || ents[A->said_subj].gender == GENDER_UNKNOWN) &&
        (ents[A->pmru[0]].gender == g || ents[A->pmru[0]].gender == GENDER_UNKNOWN)) {
        ents[A->said_subj].gender = g;
        return A->said_subj;
    }
    /* the latest person is that subject and the text has not told its
     * gender: it outranks an older person whose gender is known ("Collard,
     * who …, said … “…,” he said" after a "Kwame" named earlier) */
    if (A->said_subj >= 0 && A->npmru && A->pmru[0] == A->said_subj &&
        ents[A->said_subj].gender == GENDER_UNKNOWN) {
        ents[A->said_subj].gender = g;
        return A->said_subj;
    }
    /* the named subject that opens the paragraph is its topic, and a pronoun
     * in a later sentence of it means that subject before a person named in
     * an earlier paragraph: "Pärnpuu, 48, a former minister, has led the
     * party since 2021. He told reporters …" (gender permitting) */
    /* (not past a person of that gender named after it: "Kerr's rival, Tomas
     * Vik, has run … He told" is Vik) */
    if (A->said_subj >= 0 && A->said_pos == A->doc->paragraphs.items[A->para].start &&
        TK(A, ti)->start >= A->said_end &&
        (ents[A->said_subj].gender == g || ents[A->said_subj].gender == GENDER_UNKNOWN)) {
        bool later = false;
        for (size_t i = 0; i < A->npmru && A->pmru[i] != A->said_subj && !later; i++)
            later = ents[A->pmru[i]].gender == g;
        if (!later) {
            ents[A->said_subj].gender = g;
            return A->said_subj;
        }
    }
    int32_t mru[MRU_N];
    size_t nm = mru_at(A, TK(A, ti)->start, mru);
    for (size_t i = 0; i < nm; i++)
        if (ents[mru[i]].gender == g)
            return mru[i];
    for (size_t i = 0; i < nm; i++)
        if (ents[mru[i]].gender == GENDER_UNKNOWN) {
            ents[mru[i]].gender = g;    /* the article tells us now */
            return mru[i];
        }
    return -1;
}

static void head_word(const at_t *A, size_t h, char *buf, size_t size)
{
    const token_t *t = TK(A, h);
    size_t n = tok_len(t);
    const char *s = tok_str(A->doc, t);
    if (n > 6 && strncmp(s + n - 6, "-elect", 6) == 0)
        n -= 6;
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    buf[n] = '\0';
}

static int32_t resolve_role(at_t *A, size_t h)
{
    char buf[ROLE_LEN];
    head_word(A, h, buf, sizeof buf);
    role_t *r = role_find(A, buf, false);
    if (r && r->anon_pos > (r->ent >= 0 ? r->pos + 1 : 0))
        return -1;          /* "a senior diplomat … the diplomat said" */
    if (r && r->ent >= 0)
        return r->ent;
    /* a role nobody was given yet, in a paragraph about one person who has
     * no other role: "Wróblewski … was more blunt. ‘…,’ the striker said." */
    if (A->para_person >= 0 && !r) {
        bool has_role = false;
        for (size_t i = 0; i < A->roletab.len && !has_role; i++)
            has_role = A->roletab.items[i].ent == A->para_person;
        if (!has_role)
            return A->para_person;
    }
    /* a role the text never tied to a name yet: the first person given that
     * role in the next paragraphs ("the company's founder called it …" before
     * "Founder J. R. Okoye apologised"), or nobody */
    if (A->resolving != SIZE_MAX) {
        struct late l = {A->resolving, {0}, {TK(A, h)->start, TK(A, h)->end}, A->para};
        snprintf(l.role, sizeof l.role, "%s", buf);
        vec_push(&A->late, l);
    }
    return -1;
}

static int32_t resolve_orgnoun(at_t *A, size_t h)
{
    const token_t *t = TK(A, h);
    /* the antecedent is named before the noun: organisations taken in
     * between it and the quote belong to its own modifiers ("The company,
     * which trades on the Nasdaq, said") or to what it says */
    int32_t later[8];
    size_t nlater = 0;
    for (size_t j = A->mi; j-- > 0 && nlater < 8;) {
        const mention_t *m = &A->doc->mentions.items[j];
        if (m->span.start < t->start)
            break;
        if (A->doc->entities.items[m->entity].type != ENT_ORGANIZATION)
            continue;
        if (h + 2 < A->seg.tokens.len && tok_is_char(A->doc, TK(A, h + 1), ',') &&
            m->span.start == TK(A, h + 2)->start)
            return (int32_t)m->entity;     /* in apposition: "the carmaker, Volvo, said" */
        later[nlater++] = (int32_t)m->entity;
    }
    int32_t first = -1;
    for (size_t i = 0; i < A->nomru; i++) {
        bool skip = false;
        for (size_t j = 0; j < nlater && !skip; j++)
            skip = later[j] == A->omru[i];
        if (skip)
            continue;
        if (first < 0)
            first = A->omru[i];
        const char *name = A->doc->entities.items[A->omru[i]].name;
        size_t n = tok_len(t), ln = name ? strlen(name) : 0;
        int c0 = tolower((unsigned char)*tok_str(A->doc, t));  /* first, as strncasecmp would */
        for (size_t k = 0; k + n <= ln; k++)
            if (tolower((unsigned char)name[k]) == c0 && strncasecmp(name + k, tok_str(A->doc, t), n) == 0)
                return A->omru[i];
    }
    return first >= 0 ? first : A->nomru ? A->omru[0] : -1;
}

/* The verdict a subject gives, resolved at its own position. */
/* "In a statement read by her lawyer, she said … “…,” the statement said":
 * the author of a statement an earlier sentence of the paragraph reports
 * with a speech verb (no quote there set stmt_pos). */
static subj_t statement_author(const at_t *A, size_t head)
{
    subj_t none = {S_NONE, SPAN_NONE, SPAN_NONE, -1, 0};
    size_t hs = sentence_of(A, head);
    for (size_t si = hs; si-- > 0 && hs - si <= 2;) {
        const sentence_t *st = &A->seg.sentences.items[si];
        size_t lim = st->first + st->count, k = st->first;
        while (k < lim && !(word_is(A, k, "statement") && !(TK(A, k)->flags & TOKF_IN_QUOTE)))
            k++;
        /* "Ruiz said in a statement that …": the speech verb just before */
        if (k < lim && k >= st->first + 3 && word_is(A, k - 2, "in") && is_speech_verb(A, k - 3)) {
            subj_t s = subject_before(A, k - 3, st->first);
            if (s.kind == S_NAME || s.kind == S_PRONOUN)
                return s;
        }
        for (k++; k < lim; k++) {
            if (TK(A, k)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))
                break;
            if (!is_speech_verb(A, k))
                continue;
            subj_t s = subject_before(A, k, st->first);
            if (s.kind == S_NAME || s.kind == S_PRONOUN)
                return s;
            break;
        }
    }
    return none;
}

static verdict_t verdict_of(at_t *A, subj_t s, span_t para);

static verdict_t verdict_of(at_t *A, subj_t s, span_t para)
{
    verdict_t v = {-1, true, s.span, s.cue, MENTION_NAME};
    if (s.kind != S_NAME && s.kind != S_NONE && s.kind != S_UNKNOWN && s.kind != S_ANON)
        advance_to(A, s.span.start, para.start, para.end);
    switch (s.kind) {
    case S_NAME:
        v.speaker = s.ent;
        break;
    case S_PRONOUN:
        v.speaker = resolve_pronoun(A, s.head);
        v.kind = MENTION_PRONOUN;
        break;
    case S_ROLE:
        v.speaker = resolve_role(A, s.head);
        v.kind = MENTION_ROLE;
        break;
    case S_ORGNOUN:
        if (A->stmt_pos && word_is(A, s.head, "statement") && s.span.start >= A->stmt_pos &&
            s.span.start - A->stmt_pos < 2000) {
            v.speaker = A->stmt_speaker;    /* "the statement said": its author's */
            break;
        }
        if (word_is(A, s.head, "statement")) {
            subj_t au = statement_author(A, s.head);
            if (au.kind == S_NAME || au.kind == S_PRONOUN) {
                au.cue = s.cue;
                verdict_t va = verdict_of(A, au, para);
                if (va.speaker >= 0) {
                    va.source = s.span;
                    va.kind = MENTION_ROLE;
                    return va;
                }
            }
        }
        v.speaker = resolve_orgnoun(A, s.head);
        v.kind = MENTION_ROLE;
        break;
    case S_EPITHET:
        v.speaker = A->npmru ? A->pmru[0] : -1;
        v.kind = MENTION_ROLE;
        break;
    case S_NONE:
        v.decided = false;
        break;
    default:
        break;
    }
    if (v.speaker < 0) {
        v.source = SPAN_NONE;
        if (s.kind == S_ANON || s.kind == S_UNKNOWN)
            v.cue = s.cue;
    }
    return v;
}

/* A speech verb whose object takes "as" (speech_verbs.txt marks it). */
static bool speech_takes_as(const at_t *A, size_t k)
{
    const char *v = lexicon_value(A->speech, tok_str(A->doc, TK(A, k)), tok_len(TK(A, k)));
    return v && strcmp(v, "as") == 0;
}

/* The source named after "according to" at i, before send, with the two
 * words as its cue: a name or a noun phrase ("according to the ministry");
 * S_NONE when there is none. */
static subj_t according_to_source(at_t *A, size_t i, size_t send)
{
    size_t e, j = i + 2;
    subj_t s = subject_after(A, j, send, &e);
    if (s.kind == S_NONE && word_is(A, j, "the") && j + 1 < send) {
        int32_t mi = mention_at(A, TK(A, j + 1)->start);
        if (mi >= 0 && speaker_type(A, (int32_t)A->doc->mentions.items[mi].entity))
            s = name_subject(A, mi);
        else if (TK(A, j + 1)->kind == TOK_WORD)
            s = np_back(A, j + 1, j);
    }
    s.cue = (span_t){TK(A, i)->start, TK(A, i + 1)->end};
    return s;
}

/* Rule 1: after the closing mark at token c. */
static verdict_t after_quote(at_t *A, size_t c, size_t send, span_t para)
{
    verdict_t none = {-1, false, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    size_t i = c + 1;
    if (i < send && (tok_is_char(A->doc, TK(A, i), ',') ||
                     (TK(A, i)->kind == TOK_PUNCT && tok_len(TK(A, i)) == 3 &&
                      memcmp(tok_str(A->doc, TK(A, i)), "\xE2\x80\x94", 3) == 0)))
        i++;
    if (i >= send || (TK(A, i)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK)))
        return none;
    if (is_according_to(A, i)) {
        subj_t s = according_to_source(A, i, send);
        return s.kind == S_NONE ? none : verdict_of(A, s, para);
    }
    if (is_speech_verb(A, i)) {
        /* inverted: "said Maria Lopes, a nurse" */
        size_t e, j = i + 1;
        while (j < send && is_adverb(A, j))
            j++;
        /* an age before the name: "said 84-year-old Fatima Haidari" */
        if (j + 1 < send && TK(A, j)->kind == TOK_NUMBER && TK(A, j)->end + 10 <= A->doc->len &&
            memcmp(A->doc->text + TK(A, j)->end, "-year-old ", 10) == 0) {
            uint32_t to = TK(A, j)->end + 9;
            while (j < send && TK(A, j)->end <= to)
                j++;
        }
        subj_t s = subject_after(A, j, send, &e);
        if (s.kind == S_NONE && (word_is(A, j, "the")) && j + 1 < send && TK(A, j + 1)->kind == TOK_WORD)
            s = np_back(A, j + 1, j);
        s.cue = (span_t){TK(A, i)->start, TK(A, i)->end};
        return s.kind == S_NONE ? none : verdict_of(A, s, para);
    }
    size_t e = i;
    subj_t s = subject_after(A, i, send, &e);
    if (s.kind == S_NONE)
        return none;
    /* the verb follows, perhaps after adverbs, "of Ohio" or an apposition */
    size_t j = e;
    for (int hops = 0; j < send && hops < 4; hops++) {
        while (j < send && is_adverb(A, j))
            j++;
        if (j >= send)
            break;
        if (is_speech_verb(A, j)) {
            if (j + 1 < send && tok_is_char(A->doc, TK(A, j + 1), ':'))
                return none;    /* "Harlow said:" introduces the next quote */
            s.cue = (span_t){TK(A, j)->start, TK(A, j)->end};
            return verdict_of(A, s, para);
        }
        if (s.kind != S_NAME)
            break;
        if (word_is(A, j, "of")) {
            j++;
            while (j < send && (TK(A, j)->flags & TOKF_UPPER))
                j++;
            continue;
        }
        if (tok_is_char(A->doc, TK(A, j), ',')) {
            size_t k = j + 1;
            while (k < send && k < j + 30 && !tok_is_char(A->doc, TK(A, k), ',') &&
                   !(TK(A, k)->flags & TOKF_QUOTE_MARK))
                k++;
            if (k >= send || !tok_is_char(A->doc, TK(A, k), ','))
                break;
            j = k + 1;
            continue;
        }
        break;
    }
    return none;
}

/* Where a cue after the closing mark at token c may end: its sentence's end,
 * or the next sentence's when the quote ends in ? or ! ("“Why?” Anna asked."
 * is split before the capitalised name). */
static size_t cue_end(const at_t *A, size_t c, size_t cs)
{
    size_t send = A->seg.sentences.items[cs].first + A->seg.sentences.items[cs].count;
    if (c + 1 == send && c > 0 && cs + 1 < A->seg.sentences.len &&
        (tok_is_char(A->doc, TK(A, c - 1), '?') || tok_is_char(A->doc, TK(A, c - 1), '!')))
        send += A->seg.sentences.items[cs + 1].count;
    return send;
}

/* The quote between the marks at tokens o and c is a title or a name: "Salt
 * Roads", "Save Our Street" — two to eight words, every one capitalised but
 * closed-class ones ("of", "the"), and no punctuation of speech at its end. */
static bool is_title(const at_t *A, size_t o, size_t c)
{
    if (c < o + 3 || c > o + 9 || TK(A, c - 1)->kind == TOK_PUNCT)
        return false;
    for (size_t k = o + 1; k < c; k++) {
        const token_t *t = TK(A, k);
        if (t->kind != TOK_WORD ||
            (!(t->flags & TOKF_UPPER) && (k == o + 1 || !lexicon_has(A->function_words, tok_str(A->doc, t), tok_len(t)))))
            return false;
    }
    return true;
}

/* Rules 2 and 3: a cue before the opening mark at token o, within its sentence. */
static verdict_t before_quote(at_t *A, size_t o, size_t sfirst, size_t send, size_t c,
                              span_t para, bool *standalone)
{
    verdict_t none = {-1, false, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    *standalone = o == sfirst;
    /* a title is nobody's words, unless an active verb of naming gives them
     * to its subject ("what he called “Project Fear”", "she branded the plan
     * “…”"; not "a song called “…”") */
    if (is_title(A, o, c)) {
        static const by_len_t naming[] = {[4] = {"call"}, [5] = {"calls"}, [6] = {"called", "brands"},
            [7] = {"branded", "labeled"}, [8] = {"labelled"}};
        bool named = false;
        for (size_t k = o; k-- > sfirst && o - k <= 4 && !named;)
            if (WORD_AMONG(A, k, naming)) {
                skind_t sk = subject_before(A, k, sfirst).kind;
                named = sk == S_NAME || sk == S_PRONOUN;
            }
        if (!named)
            return (verdict_t){-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    }
    /* a term introduced by "as": known as "El Tren", dismissed as a "crusade" */
    size_t p = o;
    if (p > sfirst && (word_is(A, p - 1, "a") || word_is(A, p - 1, "an") || word_is(A, p - 1, "the")))
        p--;
    /* the content of a noun of speech: "shouts of “shame”", "chants of “…”"
     * are the shouters', unnamed, not the sentence subject's */
    if (p > sfirst + 1 && word_is(A, p - 1, "of") && TK(A, p - 2)->kind == TOK_WORD &&
        tok_str(A->doc, TK(A, p - 2))[tok_len(TK(A, p - 2)) - 1] == 's' &&
        lexicon_has(A->speech, tok_str(A->doc, TK(A, p - 2)), tok_len(TK(A, p - 2))))
        return (verdict_t){-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    /* and a name given to a thing with no one's words behind it: the so-called
     * "shadow fleet", a scheme dubbed "Project Fear" ("what he called a “levy”"
     * quotes him, so "called" alone is not enough) */
    /* but an active verb of saying with its object before "as" quotes its
     * subject, like "what he called": "Menon described the loss as “…”",
     * "she dismissed the report as “…”" (not "was dismissed as “…”") */
    bool said_as = false;
    if (p > sfirst + 2 && word_is(A, p - 1, "as")) {
        /* the object may carry an apposition and be a quoted title itself:
         * "singled out “Low Tide”, a song about …, as “…”" */
        size_t q = p - 1;
        if (tok_is_char(A->doc, TK(A, q - 1), ',')) {
            size_t k = q - 1;
            while (k > sfirst && q - k < 24 && !tok_is_char(A->doc, TK(A, k - 1), ',') &&
                   !(TK(A, k - 1)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK)))
                k--;
            if (k > sfirst && tok_is_char(A->doc, TK(A, k - 1), ','))
                q = k - 1;
        }
        if (q < p - 1 && q > sfirst && (TK(A, q - 1)->flags & TOKF_QUOTE_MARK))
            while (q > sfirst && (TK(A, q - 1)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK)) && p - q < 40)
                q--;
        /* further back, up to a clause away, only a verb whose object takes
         * "as" (the lexicon marks it): "she described an amendment that
         * would have capped … as “…”", "accused ministers of treating it as" */
        /* right before "as" after a pronoun subject: "which he described as
         * “…”" (not a reduced passive: "a move described as “…”") */
        said_as = q >= sfirst + 2 && is_pronoun(A, q - 2) && is_speech_verb(A, q - 1) &&
                  speech_takes_as(A, q - 1);
        for (size_t k = q - 1; k-- > sfirst && k + 24 > q && !said_as;) {
            if (TK(A, k)->flags & TOKF_IN_QUOTE)
                break;
            said_as = is_speech_verb(A, k) && !(k > sfirst && is_passive_aux(A, k - 1));
            if (said_as && k + 8 <= q) {
                const char *v = lexicon_value(A->speech, tok_str(A->doc, TK(A, k)), tok_len(TK(A, k)));
                said_as = v && strcmp(v, "as") == 0;
            }
        }
    }
    if (p > sfirst && ((word_is(A, p - 1, "as") && !said_as) || word_is(A, p - 1, "dubbed") ||
                       word_is(A, p - 1, "so-called") ||
                       (word_is(A, p - 1, "called") && p > sfirst + 2 &&
                        tok_is_char(A->doc, TK(A, p - 2), '-') && word_is(A, p - 3, "so"))))
        return (verdict_t){-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    /* the nearest speech verb before the quote, outside any quote (within a
     * window, so that a sentence of many quotes stays linear) */
    size_t lo = o > sfirst + WINDOW ? o - WINDOW : sfirst;
    for (size_t k = o; k-- > lo;) {
        const token_t *t = TK(A, k);
        if (t->flags & TOKF_IN_QUOTE)
            continue;
        if (!is_speech_verb(A, k) || object_of_speech(A, k, sfirst))
            continue;
        size_t b = verb_group_start(A, k, sfirst);
        if (b > sfirst && is_passive_aux(A, b - 1)) {
            /* a passive inside what an active speech verb reports ("who told
             * the court he had been asked to … until it “…”") quotes the
             * reporter; one with its agent ("told by managers to “…”") or
             * none before it, nobody */
            bool agent = false;
            for (size_t j = k + 1; j < o && !agent; j++)
                agent = word_is(A, j, "by");
            for (size_t j = b - 1; !agent && j-- > lo;) {
                if (TK(A, j)->flags & TOKF_IN_QUOTE)
                    break;
                if (!is_speech_verb(A, j))
                    continue;
                if (is_passive_verb(A, j, sfirst))
                    break;
                subj_t s2 = subject_before(A, j, sfirst);
                if (s2.kind != S_NAME && s2.kind != S_PRONOUN && s2.kind != S_ROLE)
                    break;
                s2.cue = (span_t){TK(A, j)->start, TK(A, j)->end};
                return verdict_of(A, s2, para);
            }
            return (verdict_t){-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
        }
        subj_t s = subject_before(A, k, sfirst);
        /* "he wrote on social media, adding that he would “…”": a participle
         * after a comma has the subject of the speech verb before it, and so
         * has a verb joined to it by "and" ("the club said it … and accused
         * the council of “…”") */
        /* (perhaps after "before" or "after": "…,” she said, before adding that) */
        size_t pc = k > sfirst + 2 && (word_is(A, k - 1, "before") || word_is(A, k - 1, "after")) ? k - 1 : k;
        bool comma_ing = k > sfirst + 1 && tok_is_char(A->doc, TK(A, pc - 1), ',') && tok_len(t) > 4 &&
                         memcmp(tok_str(A->doc, t) + tok_len(t) - 3, "ing", 3) == 0;
        bool verb_before = false;
        if (comma_ing || (k > sfirst + 1 && b == k && word_is(A, k - 1, "and")))
            for (size_t j = k - 1; j-- > lo;)
                if (!(TK(A, j)->flags & TOKF_IN_QUOTE) && is_speech_verb(A, j)) {
                    subj_t s2 = subject_before(A, j, sfirst);
                    if (s2.kind != S_NONE && s2.kind != S_UNKNOWN)
                        s = s2;
                    verb_before = true;
                    break;
                }
        /* no speech verb before ", saying": the participle's subject is the
         * sentence's, a pronoun opening it ("She rejected the claim, saying
         * it had come “…”") */
        if (comma_ing && !verb_before && s.kind == S_NONE && is_pronoun(A, sfirst))
            s = (subj_t){S_PRONOUN, {TK(A, sfirst)->start, TK(A, sfirst)->end}, SPAN_NONE, -1, sfirst};
        s.cue = (span_t){t->start, t->end};
        if (s.kind == S_NONE) {
            /* "“…,” said Ana Ruiz, an analyst who has a “hold” rating": a
             * relative clause on the inverted subject describes her, it
             * does not report her words */
            for (size_t j = k + 1; j < o; j++)
                if (!(TK(A, j)->flags & TOKF_IN_QUOTE) &&
                    (word_is(A, j, "who") || word_is(A, j, "whose") || word_is(A, j, "which")))
                {
                    A->aside = true;
                    return (verdict_t){-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
                }
            /* "…,” she said, adding that “…”: the earlier quote's speaker */
            for (size_t q = k; q-- > lo;)
                if (TK(A, q)->flags & TOKF_QUOTE_MARK) {
                    verdict_t v = {-2, true, SPAN_NONE, s.cue, MENTION_NAME};
                    return v;
                }
            return none;
        }
        return verdict_of(A, s, para);
    }
    /* "According to the board, NAME suffered a strain and “…”": the source
     * that opens the sentence, when no speech verb came before the quote */
    if (o > sfirst + 3 && is_according_to(A, sfirst)) {
        subj_t s = according_to_source(A, sfirst, o);
        if (s.kind != S_NONE)
            return verdict_of(A, s, para);
    }
    /* ", according to the NUP." later in the sentence */
    for (size_t k = c + 1; k + 1 < send && k < c + WINDOW; k++) {
        if (TK(A, k)->flags & TOKF_QUOTE_MARK)
            break;
        if (is_according_to(A, k)) {
            verdict_t v = after_quote(A, k - 1, send, para);
            if (v.decided)
                return v;
        }
    }
    return none;
}

/* ---- the pass -------------------------------------------------------------- */

static void decide(at_t *A, quote_t *q, verdict_t v)
{
    q->speaker = v.speaker;
    /* a cue that names a statement: "In a statement, the family said …",
     * "X said in a statement that …" — a later "the statement said" is theirs
     * (a sentence of the paragraph can name one only if the paragraph does) */
    if (v.decided && !span_is_empty(v.cue) && A->says_statement) {
        size_t ct = tok_at(A, v.cue.start);
        if (ct < A->seg.tokens.len && TK(A, ct)->start == v.cue.start) {
            const sentence_t *st = &A->seg.sentences.items[sentence_of(A, ct)];
            for (size_t k = st->first; k < st->first + st->count; k++)
                if (word_is(A, k, "statement") && !(TK(A, k)->flags & TOKF_IN_QUOTE)) {
                    A->stmt_pos = v.cue.start + 1;
                    A->stmt_speaker = v.speaker;
                    break;
                }
        }
    }
    if (v.speaker < 0)
        return;
    q->source = v.source;
    q->cue = v.cue;
    A->doc->entities.items[v.speaker].nquotes++;
    if (v.kind != MENTION_NAME && !span_is_empty(v.source))
        vec_push(&A->added, (mention_t){v.source, (uint32_t)v.speaker, v.kind});
}

static void decide_late(at_t *A, const char *role, int32_t e)
{
    for (size_t i = 0; i < A->late.len; i++) {
        struct late *l = &A->late.items[i];
        if (strcmp(l->role, role) != 0)
            continue;
        quote_t *q = &A->doc->quotes.items[l->q];
        if (q->speaker < 0 && A->para <= l->para + 2) {
            q->speaker = e;
            q->source = l->source;
            A->doc->entities.items[e].nquotes++;
            vec_push(&A->added, (mention_t){l->source, (uint32_t)e, MENTION_ROLE});
        }
        A->late.items[i] = vec_last(&A->late);
        A->late.len--;
        i--;
    }
}

static int cmp_mention(const void *a, const void *b)
{
    const mention_t *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

/* Adds the pronoun and role sources to doc->mentions, keeping text order and
 * one mention per start (one source for several quotes; a name already there
 * wins). The merge runs from the back inside doc->mentions grown in place:
 * growing moves no bytes, where a merged copy would touch a second array as
 * large as all the mentions. */
static void merge_added(at_t *A)
{
    doc_t *doc = A->doc;
    if (!A->added.len)
        return;
    /* they come in text order, as the quotes are decided, unless one was
     * decided out of turn (a late role, a quote over paragraphs, a quote
     * inside a quote): sorted only then (qsort takes as long on sorted input) */
    for (size_t j = 1; j < A->added.len; j++)
        if (A->added.items[j].span.start < A->added.items[j - 1].span.start) {
            qsort(A->added.items, A->added.len, sizeof *A->added.items, cmp_mention);
            break;
        }
    /* drop the added mentions whose start a name or an earlier one holds */
    size_t kept = 0;
    for (size_t i = 0, j = 0; j < A->added.len; j++) {
        const mention_t *m = &A->added.items[j];
        while (i < doc->mentions.len && doc->mentions.items[i].span.start < m->span.start)
            i++;
        if ((i < doc->mentions.len && doc->mentions.items[i].span.start == m->span.start) ||
            (kept && A->added.items[kept - 1].span.start == m->span.start))
            continue;
        A->added.items[kept++] = *m;
    }
    /* no start is shared now: merge from the back into the grown array */
    size_t i = doc->mentions.len, j = kept, o = i + j;
    vec_reserve(&doc->mentions, o);
    doc->mentions.len = o;
    while (j > 0) {
        if (i > 0 && doc->mentions.items[i - 1].span.start > A->added.items[j - 1].span.start)
            doc->mentions.items[--o] = doc->mentions.items[--i];
        else
            doc->mentions.items[--o] = A->added.items[--j];
    }
}

/* The speech verb before the colon at token colon: "said:", "told the
 * meeting:", "said in a statement:"; SIZE_MAX when there is none. */
static size_t colon_verb(const at_t *A, size_t colon, size_t sfirst)
{
    for (size_t k = colon; k-- > sfirst && colon - k <= 6;) {
        const token_t *t = TK(A, k);
        if (t->kind != TOK_WORD || (t->flags & TOKF_IN_QUOTE))
            break;
        if (is_speech_verb(A, k) && !object_of_speech(A, k, sfirst))
            return k;
    }
    return SIZE_MAX;
}

/* The speaker of the last sentence of the paragraph when it ends "…, he said:". */
static void colon_cue(at_t *A, span_t para)
{
    A->colon_set = false;
    size_t n = A->seg.tokens.len;
    if (n < 2 || !tok_is_char(A->doc, TK(A, n - 1), ':') || (TK(A, n - 1)->flags & TOKF_IN_QUOTE))
        return;
    size_t s = sentence_of(A, n - 1);
    size_t sfirst = A->seg.sentences.items[s].first;
    size_t v = colon_verb(A, n - 1, sfirst);
    bool far = false;
    if (v == SIZE_MAX) {
        /* "Solheim-Haugen said the team had been surprised by what the records
         * showed:" — the sentence's own speech verb, if a named person or a
         * pronoun is its subject */
        for (size_t k = sfirst; k + 1 < n && k < sfirst + WINDOW && v == SIZE_MAX; k++)
            if (!(TK(A, k)->flags & TOKF_IN_QUOTE) && is_speech_verb(A, k))
                v = k;
        if (v == SIZE_MAX)
            return;
        far = true;
    }
    subj_t sub = subject_before(A, v, sfirst);
    if (far && sub.kind != S_NAME && sub.kind != S_PRONOUN)
        return;
    sub.cue = (span_t){TK(A, v)->start, TK(A, v)->end};
    A->colon = verdict_of(A, sub, para);
    A->colon_set = A->colon.decided;
}

/* The cue of a quote inside a quote, within the outer quote's words: "SUBJECT
 * VERB[ OBJ][,:] ‘…’" before it or "‘…,’ SUBJECT VERB" after it. Returns the
 * subject's token, or SIZE_MAX (no cue, or a subject that names nobody:
 * "Somebody was shouting ‘…’", "People have told me, ‘…’"). */
static size_t nested_subject(const at_t *A, size_t o, size_t c)
{
    size_t n = A->seg.tokens.len, v = o;
    if (v > 0 && (tok_is_char(A->doc, TK(A, v - 1), ',') || tok_is_char(A->doc, TK(A, v - 1), ':')))
        v--;
    /* the formula "and I quote" cites, it does not speak: "The minister
     * said, and I quote, ‘…’" is the minister's */
    if (v > 3 && word_is(A, v - 1, "quote") && word_is(A, v - 2, "i")) {
        v -= word_is(A, v - 3, "and") ? 3 : 2;
        if (tok_is_char(A->doc, TK(A, v - 1), ','))
            v--;
    }
    /* the verb, perhaps before its object: "told the board,", "wrote to him:" */
    const token_t *t = NULL;
    for (size_t k = v; k-- > 0 && v - k <= 4;) {
        const token_t *w = TK(A, k);
        if (w->kind != TOK_WORD || !(w->flags & TOKF_IN_QUOTE))
            break;
        if (!(w->flags & TOKF_UPPER) && lexicon_has(A->speech, tok_str(A->doc, w), tok_len(w))) {
            t = w;
            v = k + 1;
            break;
        }
    }
    if (t) {
        /* the clause's subject: the nearest pronoun or name before the verb,
         * else the start of the sentence in the outer quote ("Róisín heard it
         * and said", "he wrote", "She would wait …, come up to me and say") */
        for (size_t k = v - 1; k-- > 0 && v - k <= 14;) {
            const token_t *w = TK(A, k);
            if (!(w->flags & TOKF_IN_QUOTE) || (w->flags & TOKF_QUOTE_MARK) ||
                tok_is_char(A->doc, w, '.') || tok_is_char(A->doc, w, '?') || tok_is_char(A->doc, w, '!'))
                return SIZE_MAX;
            bool org;
            if ((int)pronoun_gender(A, k, &org) >= 0 && !org)
                return k;
            if (word_is(A, k, "i") || mention_at(A, w->start) >= 0)
                return k;
            /* "the secretary of state told …": a role the narrative gave someone */
            if (k > 0 && w->kind == TOK_WORD && !(w->flags & TOKF_UPPER) && word_is(A, k - 1, "the") &&
                lexicon_has(A->roles, tok_str(A->doc, w), tok_len(w)))
                return k;
            if (k == 0 || (TK(A, k - 1)->flags & TOKF_QUOTE_MARK) || (w->flags & TOKF_SENT_START))
                return SIZE_MAX;
        }
        return SIZE_MAX;
    }
    /* "‘…,’ he said" inside the outer quote */
    size_t k = c + 1;
    if (k < n && tok_is_char(A->doc, TK(A, k), ','))
        k++;
    if (k + 1 < n && (TK(A, k)->flags & TOKF_IN_QUOTE) && !(TK(A, k)->flags & TOKF_QUOTE_MARK) &&
        lexicon_has(A->speech, tok_str(A->doc, TK(A, k + 1)), tok_len(TK(A, k + 1))) &&
        !(TK(A, k + 1)->flags & TOKF_UPPER)) {
        bool org;
        if (((int)pronoun_gender(A, k, &org) >= 0 && !org) || word_is(A, k, "i") ||
            mention_at(A, TK(A, k)->start) >= 0)
            return k;
    }
    return SIZE_MAX;
}

/* The speaker of the quote inside a quote: who the outer speaker's words say
 * said it. A name is that person; "I" the outer speaker; "he" or "she" a
 * person of the narrative named in this paragraph or the one before, never
 * the outer speaker (who would say "I"); anything else nobody ("My cousin …
 * He kept saying, ‘…’" names no one). outer is -1 when the outer quote is
 * unattributed, -2 when it is not decided yet. */
static verdict_t nested_speaker(at_t *A, const quote_t *q, int32_t outer)
{
    verdict_t v = {-1, true, SPAN_NONE, SPAN_NONE, MENTION_NAME};
    size_t o = tok_at(A, q->open_mark.start);
    size_t c = span_is_empty(q->close_mark) ? A->seg.tokens.len : tok_at(A, q->close_mark.start);
    size_t k = nested_subject(A, o, c);
    if (k == SIZE_MAX)
        return v;
    const token_t *t = TK(A, k);
    int32_t mi = mention_at(A, t->start);
    if (mi >= 0) {
        const mention_t *m = &A->doc->mentions.items[mi];
        if (m->kind == MENTION_NAME && speaker_type(A, (int32_t)m->entity)) {
            v.speaker = (int32_t)m->entity;
            v.source = m->span;
        }
        return v;
    }
    if (word_is(A, k, "i")) {
        v.speaker = outer >= 0 ? outer : -1;
        return v;
    }
    if (word_is(A, k - 1, "the")) {
        /* a role: the person the narrative introduced in it, not the outer
         * speaker, unless someone unnamed has held it since */
        char buf[ROLE_LEN];
        head_word(A, k, buf, sizeof buf);
        const role_t *r = role_find(A, buf, false);
        if (r && r->ent >= 0 && r->ent != outer && r->anon_pos <= r->pos + 1) {
            v.speaker = r->ent;
            v.source = (span_t){t->start, t->end};
            v.kind = MENTION_ROLE;
        }
        return v;
    }
    bool org;
    gender_t g = pronoun_gender(A, k, &org);
    if (outer == -2 || g == GENDER_PLURAL)
        return v;
    /* the latest person of that gender, else of none known yet, named lately
     * (from the previous paragraph's start), and not the outer speaker */
    uint32_t from = A->para > 0 ? A->doc->paragraphs.items[A->para - 1].start : 0;
    const entity_t *ents = A->doc->entities.items;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < A->npmru; i++) {
            int32_t e = A->pmru[i];
            if (e == outer || ents[e].gender != (pass ? GENDER_UNKNOWN : g))
                continue;
            for (size_t m = A->para_m1; m-- > 0 && A->doc->mentions.items[m].span.start >= from;)
                if (A->doc->mentions.items[m].entity == (uint32_t)e &&
                    A->doc->mentions.items[m].kind == MENTION_NAME &&
                    A->doc->mentions.items[m].span.start < q->open_mark.start) {
                    v.speaker = e;
                    v.source = (span_t){t->start, t->end};
                    v.kind = MENTION_PRONOUN;
                    return v;
                }
        }
    return v;
}

/* A paragraph without quotes before one that opens with a quote: when it
 * reports speech ("Her daughter, she said, is the only one …", "A spokesman
 * said the council would …"), its last speech verb's subject is the one a
 * quote standing alone in the next paragraph continues, not the speaker of
 * an earlier quote. */
static void paraphrase_speaker(at_t *A, size_t p, span_t para)
{
    const doc_t *doc = A->doc;
    if (p + 1 >= doc->paragraphs.len)
        return;
    const unsigned char *nx = (const unsigned char *)doc->text + doc->paragraphs.items[p + 1].start;
    if (!(*nx == '"' || (nx[0] == 0xE2 && nx[1] == 0x80 && (nx[2] == 0x9C || nx[2] == 0x98)) ||
          (nx[0] == 0xC2 && nx[1] == 0xAB)))
        return;
    for (size_t k = A->seg.tokens.len; k-- > 0;) {
        if (!is_speech_verb(A, k))
            continue;
        size_t sfirst = A->seg.sentences.items[sentence_of(A, k)].first;
        if (is_passive_verb(A, k, sfirst))
            return;
        subj_t s = subject_before(A, k, sfirst);
        if (s.kind == S_NONE || s.kind == S_UNKNOWN)
            continue;   /* "allowed to tell her": no subject of its own */
        verdict_t v = verdict_of(A, s, para);
        A->last_para_speaker = v.speaker;
        return;
    }
}

/* A paragraph of quotes alone whose speaker the next paragraph names
 * first: "“Who pays? …”\n\nThat was the question put by Rhiannon Pryce,
 * …", "Those were the words of X", "So said X". The name must follow "by",
 * "of" or a speech verb in a sentence that opens with a demonstrative or
 * "So" and has no quote before it. */
static void cataphoric_speaker(at_t *A)
{
    const doc_t *doc = A->doc;
    if (A->cq1 <= A->cq0 || A->seg.sentences.len == 0)
        return;
    size_t n = A->seg.sentences.items[0].count;
    char c0 = doc->text[TK(A, 0)->start];
    if ((c0 != 'T' && c0 != 'S') || !(word_is(A, 0, "that") || word_is(A, 0, "this") || word_is(A, 0, "those") ||
                                       word_is(A, 0, "these") || word_is(A, 0, "so")))
        return;
    for (size_t k = 1; k < n && k < 14; k++) {
        const token_t *t = TK(A, k);
        if (t->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))
            return;
        int32_t mi = mention_at(A, t->start);
        if (mi < 0 || doc->mentions.items[mi].span.start != t->start)
            continue;
        const mention_t *m = &doc->mentions.items[mi];
        if (m->kind != MENTION_NAME || !speaker_type(A, (int32_t)m->entity) ||
            !(word_is(A, k - 1, "by") || word_is(A, k - 1, "of") || is_speech_verb(A, k - 1)))
            return;
        for (size_t i = A->cq0; i < A->cq1; i++) {
            quote_t *q = &A->doc->quotes.items[i];
            if (q->parent >= 0)
                continue;
            if (q->speaker >= 0)
                A->doc->entities.items[q->speaker].nquotes--;
            q->speaker = (int32_t)m->entity;
            q->source = m->span;
            A->doc->entities.items[m->entity].nquotes++;
        }
        A->last_para_speaker = (int32_t)m->entity;
        return;
    }
}

typedef struct { size_t q; verdict_t pre; bool standalone; } pending_t;

void attrib_resolve(doc_t *doc)
{
    attrib_resolve_cached(doc, NULL);
}

void attrib_resolve_cached(doc_t *doc, seg_cache_t *cache)
{
    at_t A = {0};
    A.doc = doc;
    A.speech = lexicon_get("speech_verbs");
    A.roles = lexicon_get("roles");
    A.titles = lexicon_get("titles");
    A.org_nouns = lexicon_get("org_nouns");
    A.modifiers = lexicon_get("verb_modifiers");
    A.demonyms = lexicon_get("demonyms");
    A.function_words = lexicon_get("function_words");
    A.particles = lexicon_get("particles");
    A.said_subj = -1;
    A.last_para_speaker = -1;
    A.dlg_prev = A.dlg_prev2 = -9;
    VEC(pending_t) pending = {0};
    VEC(size_t) nested = {0};
    size_t qi = 0;
    for (size_t p = 0; p < doc->paragraphs.len; p++) {
        span_t para = doc->paragraphs.items[p];
        A.para = p;
        A.para_person = -1;
        A.resolving = SIZE_MAX;
        /* the paragraph's mentions, for mention_at (paragraphs and mentions
         * both come in text order: the cursors only move forward, and the
         * mentions before the last paragraph's end are not this one's) */
        if (A.para_m0 < A.para_m1)
            A.para_m0 = A.para_m1;
        while (A.para_m0 < doc->mentions.len && doc->mentions.items[A.para_m0].span.start < para.start)
            A.para_m0++;
        A.para_m1 = A.para_m0;
        while (A.para_m1 < doc->mentions.len && doc->mentions.items[A.para_m1].span.start < para.end)
            A.para_m1++;
        /* skip the mentions of paragraphs without quotes cheaply: still take them in */
        if (cache)
            segment_replay(cache, doc, para, &A.seg);
        else
            segment_paragraph(doc, para, &A.seg);
        size_t ntok = A.seg.tokens.len;
        if (ntok)
            A.tok_scale = (uint32_t)(((uint64_t)ntok << 16) / (TK(&A, ntok - 1)->end - TK(&A, 0)->start));
        A.says_statement = false;
        if (ntok == 0)
            continue;
        note_unnamed(&A);
        find_role_subjects(&A);
        cataphoric_speaker(&A);
        A.cq0 = A.cq1 = 0;
        size_t qi0 = qi;        /* the first quote opening here */
        int32_t para_last = -3;     /* speaker of the previous quote here; -3: none yet */
        span_t para_last_src = SPAN_NONE;   /* and the mention that named them */
        bool colon_used = false;
        /* quotes that close here: multi-paragraph ones opened earlier first */
        for (size_t k = 0; k < pending.len;) {
            pending_t *pd = &pending.items[k];
            quote_t *q = &doc->quotes.items[pd->q];
            if (span_is_empty(q->close_mark) ? q->span.end > para.end : q->close_mark.start >= para.end) {
                k++;
                continue;
            }
            verdict_t v = {-1, false, SPAN_NONE, SPAN_NONE, MENTION_NAME};
            if (!span_is_empty(q->close_mark)) {
                size_t c = tok_at(&A, q->close_mark.start);
                size_t send = cue_end(&A, c, sentence_of(&A, c));
                advance_to(&A, q->close_mark.start, para.start, para.end);
                v = after_quote(&A, c, send, para);
            }
            if (!v.decided)
                v = pd->pre;
            decide(&A, q, v);
            if (q->speaker >= 0 || v.decided) {
                para_last = q->speaker;
                para_last_src = q->source;
            }
            pending.items[k] = vec_last(&pending);
            pending.len--;
        }
        for (; qi < doc->quotes.len && doc->quotes.items[qi].open_mark.start < para.end; qi++) {
            quote_t *q = &doc->quotes.items[qi];
            if (q->parent >= 0) {
                vec_push(&nested, qi);  /* resolved once the outer quotes here are */
                continue;
            }
            A.resolving = qi;
            size_t o = tok_at(&A, q->open_mark.start);
            if (o >= ntok)
                continue;
            size_t s = sentence_of(&A, o);
            size_t sfirst = A.seg.sentences.items[s].first;
            bool closes_here = !span_is_empty(q->close_mark) && q->close_mark.start < para.end;
            size_t c = closes_here ? tok_at(&A, q->close_mark.start) : ntok - 1;
            size_t cs = sentence_of(&A, c);
            size_t csend = A.seg.sentences.items[cs].first + A.seg.sentences.items[cs].count;
            advance_to(&A, q->open_mark.start, para.start, para.end);
            bool standalone = false, colon_pre = false;
            verdict_t pre = {-1, false, SPAN_NONE, SPAN_NONE, MENTION_NAME};
            /* rule 2: "X said:" before the mark, here or ending the previous paragraph */
            if (o > sfirst && tok_is_char(doc, TK(&A, o - 1), ':')) {
                colon_pre = true;
                size_t vi = o >= 2 ? colon_verb(&A, o - 1, sfirst) : SIZE_MAX;
                if (vi != SIZE_MAX) {
                    subj_t sub = subject_before(&A, vi, sfirst);
                    /* ", adding:" has the subject of the speech verb before
                     * it, the comma perhaps inside a quote ("had “…,” adding:") */
                    const token_t *tv = TK(&A, vi);
                    if ((sub.kind == S_NONE || sub.kind == S_UNKNOWN) && vi > sfirst + 2 && tok_len(tv) > 4 &&
                        memcmp(tok_str(doc, tv) + tok_len(tv) - 3, "ing", 3) == 0 &&
                        (tok_is_char(doc, TK(&A, vi - 1), ',') ||
                         ((TK(&A, vi - 1)->flags & TOKF_QUOTE_MARK) && tok_is_char(doc, TK(&A, vi - 2), ','))))
                        for (size_t j = vi - 1; j-- > sfirst && vi - j < WINDOW;)
                            if (!(TK(&A, j)->flags & TOKF_IN_QUOTE) && is_speech_verb(&A, j)) {
                                subj_t s2 = subject_before(&A, j, sfirst);
                                if (s2.kind == S_NAME || s2.kind == S_PRONOUN || s2.kind == S_ROLE)
                                    sub = s2;
                                break;
                            }
                    sub.cue = (span_t){TK(&A, vi)->start, TK(&A, vi)->end};
                    pre = verdict_of(&A, sub, para);
                } else {
                    /* no speech verb: "Andrea Zurbriggen, a guide, put it bluntly:"
                     * gives the sentence's named subject; "a sign read:" nobody */
                    pre.decided = true;
                    /* after a fronted participle clause: "Asked whether …, she
                     * was cautious:" */
                    size_t sj = sfirst;
                    const token_t *t0 = TK(&A, sfirst);
                    /* (or a fronted prepositional phrase: "After the match, …") */
                    if (t0->kind == TOK_WORD && mention_at(&A, t0->start) < 0 &&
                        ((tok_len(t0) > 4 && (memcmp(tok_str(doc, t0) + tok_len(t0) - 2, "ed", 2) == 0 ||
                                              memcmp(tok_str(doc, t0) + tok_len(t0) - 3, "ing", 3) == 0)) ||
                         is_preposition(&A, sfirst) || word_is(&A, sfirst, "after") ||
                         word_is(&A, sfirst, "before") || word_is(&A, sfirst, "during")))
                        for (size_t j = sfirst + 1; j + 2 < o && j < sfirst + 24; j++) {
                            if (TK(&A, j)->flags & (TOKF_IN_QUOTE | TOKF_QUOTE_MARK))
                                break;
                            if (tok_is_char(doc, TK(&A, j), ',')) {
                                sj = j + 1;
                                break;
                            }
                        }
                    int32_t mi = mention_at(&A, TK(&A, sj)->start);
                    bool org;
                    if (is_pronoun(&A, sj) && (int)pronoun_gender(&A, sj, &org) >= 0 && !org &&
                        pronoun_gender(&A, sj, &org) != GENDER_PLURAL) {
                        advance_to(&A, TK(&A, sj)->start, para.start, para.end);
                        pre.speaker = resolve_pronoun(&A, sj);
                        if (pre.speaker >= 0) {
                            pre.source = (span_t){TK(&A, sj)->start, TK(&A, sj)->end};
                            pre.kind = MENTION_PRONOUN;
                        }
                    } else if (mi >= 0 && doc->mentions.items[mi].span.start == TK(&A, sj)->start &&
                        doc->entities.items[doc->mentions.items[mi].entity].type == ENT_PERSON) {
                        pre.speaker = (int32_t)doc->mentions.items[mi].entity;
                        pre.source = doc->mentions.items[mi].span;
                    } else if (o >= sfirst + 3 && (word_is(&A, sfirst, "his") || word_is(&A, sfirst, "her")) &&
                               TK(&A, sfirst + 1)->kind == TOK_WORD &&
                               !(TK(&A, sfirst + 1)->flags & TOKF_UPPER) &&
                               !lexicon_has(A.roles, tok_str(doc, TK(&A, sfirst + 1)),
                                            tok_len(TK(&A, sfirst + 1)))) {
                        /* "His answer was short:", "Her message to staff:": the
                         * possessor's words (not "Her daughter put it this way:") */
                        advance_to(&A, TK(&A, sfirst)->start, para.start, para.end);
                        pre.speaker = resolve_gender(&A, word_is(&A, sfirst, "his") ? GENDER_MALE : GENDER_FEMALE,
                                                     false, sfirst);
                        if (pre.speaker >= 0) {
                            pre.source = (span_t){TK(&A, sfirst)->start, TK(&A, sfirst)->end};
                            pre.kind = MENTION_PRONOUN;
                        }
                    }
                    if (pre.speaker < 0 && !(TK(&A, sj)->flags & TOKF_IN_QUOTE)) {
                        /* a role phrase before the named subject: "Her
                         * colleague Ines Moura put it differently:", "Party
                         * chairman Li Wei was blunt:" */
                        size_t e = sj;
                        subj_t s2 = subject_after(&A, sj, o - 1, &e);
                        if (s2.kind == S_NAME && s2.ent >= 0 && doc->entities.items[s2.ent].type == ENT_PERSON) {
                            pre.speaker = s2.ent;
                            pre.source = s2.span;
                        }
                    }
                }
            } else if (o == 0 && A.colon_set && !colon_used) {
                pre = A.colon;
                colon_used = true;
            } else {
                pre = before_quote(&A, o, sfirst, csend, c, para, &standalone);
                if (pre.speaker == -2) {
                    pre.speaker = para_last >= 0 ? para_last : -1;
                    pre.source = para_last >= 0 ? para_last_src : SPAN_NONE;
                    if (para_last < 0)
                        pre.decided = false;
                }
            }
            if (!closes_here) {
                if (!pre.decided && standalone && para_last >= 0) {
                    pre.speaker = para_last;    /* continues the paragraph's speaker */
                    pre.decided = true;
                }
                pending_t pd = {qi, pre, standalone};
                vec_push(&pending, pd);
                A.aside = false;
                continue;
            }
            advance_to(&A, q->close_mark.start, para.start, para.end);
            /* a colon before the quote ("a reporter asked:") decides it */
            verdict_t v = colon_pre && pre.decided ? pre : after_quote(&A, c, cue_end(&A, c, cs), para);
            if (!v.decided)
                v = pre;
            if (!v.decided && standalone && c + 1 >= csend) {
                /* rule 4: a sentence of its own continues the last speaker */
                if (para_last >= -1 && para_last != -3) {
                    v.speaker = para_last;
                    v.decided = true;
                } else if (s > 0) {
                    const sentence_t *prev = &A.seg.sentences.items[s - 1];
                    for (size_t k = prev->first; k < prev->first + prev->count; k++) {
                        if (TK(&A, k)->flags & TOKF_IN_QUOTE)
                            continue;
                        int32_t mi = mention_at(&A, TK(&A, k)->start);
                        if (mi >= 0 && doc->entities.items[doc->mentions.items[mi].entity].type == ENT_PERSON) {
                            v.speaker = (int32_t)doc->mentions.items[mi].entity;
                            v.decided = true;
                            break;
                        }
                        if (is_pronoun(&A, k)) {
                            v.speaker = resolve_pronoun(&A, k);
                            v.decided = v.speaker >= 0;
                            break;
                        }
                    }
                } else if (o == 0 && para.start > 0 && A.dlg_prev >= 0 && A.dlg_prev2 >= 0 &&
                           A.dlg_prev != A.dlg_prev2 && c + 1 >= ntok) {
                    v.speaker = A.dlg_prev2;    /* dialogue: the speakers alternate */
                    v.decided = true;
                } else if (o == 0 && para.start > 0 && A.last_para_speaker >= 0 && c + 1 >= ntok) {
                    v.speaker = A.last_para_speaker;    /* a paragraph that is only a quote */
                    v.decided = true;
                }
                v.source = v.cue = SPAN_NONE;
            }
            decide(&A, q, v);
            bool aside = A.aside && v.speaker < 0;
            A.aside = false;
            if (v.decided && !aside) {
                para_last = q->speaker;
                if (!span_is_empty(q->source))
                    para_last_src = q->source;
            }
        }
        /* quotes inside quotes, once the outer ones that close here are decided */
        for (size_t k = 0; k < nested.len; k++) {
            quote_t *q = &doc->quotes.items[nested.items[k]];
            const quote_t *outer = &doc->quotes.items[q->parent];
            bool open = span_is_empty(outer->close_mark) ? outer->span.end > para.end
                                                         : outer->close_mark.start >= para.end;
            decide(&A, q, nested_speaker(&A, q, open ? -2 : outer->speaker));
        }
        nested.len = 0;
        A.resolving = SIZE_MAX;
        advance_to(&A, para.end, para.start, para.end);
        if (para_last != -3)
            A.last_para_speaker = para_last;
        else
            paraphrase_speaker(&A, p, para);
        /* a dialogue paragraph: a quote first, and at most a short cue outside
         * it; the words outside are counted only after an opening quote mark */
        bool opens_quote = TK(&A, 0)->flags & TOKF_QUOTE_MARK;
        size_t outside = A.outside;
        /* quotes alone, closed here, none with a cue: the next paragraph may name their speaker */
        if (opens_quote && outside == 0 && qi > qi0 && !pending.len) {
            bool cued = false;
            for (size_t k = qi0; k < qi && !cued; k++)
                cued = !span_is_empty(doc->quotes.items[k].cue);
            if (!cued) {
                A.cq0 = qi0;
                A.cq1 = qi;
            }
        }
        if (opens_quote && outside <= 6 && para_last >= 0) {
            A.dlg_prev2 = A.dlg_prev;
            A.dlg_prev = para_last;
        } else {
            A.dlg_prev = A.dlg_prev2 = -9;
        }
        colon_cue(&A, para);
    }
    /* quotes still open at the end of the text keep what came before them */
    for (size_t k = 0; k < pending.len; k++)
        decide(&A, &doc->quotes.items[pending.items[k].q], pending.items[k].pre);
    merge_added(&A);
    vec_free(&pending);
    vec_free(&nested);
    vec_free(&A.added);
    vec_free(&A.roletab);
    vec_free(&A.rsubj);
    vec_free(&A.late);
    segment_free(&A.seg);
}
