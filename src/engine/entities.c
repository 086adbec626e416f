/* entities.c — named entities in two passes.
 *
 * Pass 1 (per paragraph, one segment_t reused): dates by token patterns, and
 * capitalised runs ("NATO Secretary-General Mark Rutte", "van der Berg's",
 * "Ministry of Foreign Affairs"). Each run loses sentence-initial function
 * words, nationality adjectives and titles, is typed from its own words
 * (gazetteer, organisation and place words, first names, particles, initials)
 * and from its context (an apposition ", a nurse", a role noun before it,
 * "near X", an acronym in parentheses after it), and is kept as a candidate.
 * Pass 2 clusters: candidates with a sure type become entities keyed by their
 * text; their aliases (surname, first name, particle surname, distinctive
 * words of an organisation name, acronyms) go into a second table; then every
 * candidate, in text order, becomes a mention of the entity its text or alias
 * names, so a surname seen before the full name still joins it. */
#include "config.h"
#include "engine/entities.h"
#include "engine/lexicon.h"
#include "engine/xalloc.h"
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* The lists entities.c asks itself, about other strings than a token's
 * word or for values; words answers those of enum word_list (below) about
 * a word with one probe. */
typedef struct {
    const lexicon_t *common, *first_names, *months, *org_words, *acronyms, *particles,
        *place_words, *roles, *titles, *post_nominals, *speech_verbs, *geo_nouns;
    const lexicon_group_t *words;
} lexset_t;

/* The lists asked about the words of capitalised runs, many of them about
 * each word: lexset_t.words answers them all with one probe (bit W(X) for
 * list W_X), and scan_t remembers the answer for each token of a run. */
enum word_list {
    W_COMMON, W_DEMONYM, W_MONTH, W_WEEKDAY, W_ORG_WORD, W_ORG_NOUN, W_ORG, W_PARTICLE,
    W_PLACE_WORD, W_PLACE, W_ROLE, W_TITLE, W_ABBR, W_FUNCTION, W_INST_HEAD,
    W_POST_NOMINAL, W_COUNT
};
#define W(x) (1u << W_##x)

static void lexset_load(lexset_t *L)
{
    L->common = lexicon_get("common_words");
    L->first_names = lexicon_get("first_names");
    L->months = lexicon_get("months");
    L->org_words = lexicon_get("org_words");
    L->acronyms = lexicon_get("acronyms");
    L->particles = lexicon_get("particles");
    L->place_words = lexicon_get("place_words");
    L->roles = lexicon_get("roles");
    L->titles = lexicon_get("titles");
    L->post_nominals = lexicon_get("post_nominals");
    L->speech_verbs = lexicon_get("speech_verbs");
    L->geo_nouns = lexicon_get("geographic_nouns");
    static const char *const names[W_COUNT] = {
        [W_COMMON] = "common_words", [W_DEMONYM] = "demonyms", [W_MONTH] = "months",
        [W_WEEKDAY] = "weekdays", [W_ORG_WORD] = "org_words", [W_ORG_NOUN] = "org_nouns",
        [W_ORG] = "organizations", [W_PARTICLE] = "particles", [W_PLACE_WORD] = "place_words",
        [W_PLACE] = "places", [W_ROLE] = "roles", [W_TITLE] = "titles",
        [W_ABBR] = "abbreviations", [W_FUNCTION] = "function_words",
        [W_INST_HEAD] = "institution_heads",
        [W_POST_NOMINAL] = "post_nominals",
    };
    /* built once, as lists never change */
    static const lexicon_group_t *words;
    if (!words)
        words = lexicon_group_new(names, W_COUNT);
    L->words = words;
}

/* ---- candidates ---------------------------------------------------------- */

enum cand_flags {
    CF_SURE = 1 << 0,       /* its own words or context give the type */
    CF_ACRONYM = 1 << 1,    /* "(NATO)" after a name: an alias of the candidate before it */
    CF_SINGLE = 1 << 2,     /* one word */
    CF_KNOWN = 1 << 3,      /* in the gazetteer or the list of organisations */
    CF_PERSONISH = 1 << 4,  /* could be a person (for pronoun votes) */
    CF_GUESS = 1 << 5,      /* typed by default: an alias wins over it */
    CF_LONG_NAME = 1 << 6,  /* a known acronym: keyed by its long name (cand_key) */
};

/* 28 bytes: about one for every nine words (650 k on 50 MB of news), each
 * written once and read by the two passes of cluster(), all of it fresh
 * memory. */
typedef struct {
    span_t span;            /* the name, titles and possessive excluded */
    uint32_t first_end;     /* end of its first word */
    uint32_t last_start;    /* start of its last word */
    uint32_t suffix_start;  /* start of a particle surname ("van der Berg"), or 0 */
    int32_t entity;         /* internal entity, after clustering */
    uint8_t flags;          /* enum cand_flags */
    uint8_t type;           /* entity_type_t, or ENT_TYPE_COUNT when unknown */
    uint8_t ntok;
    int8_t pron;            /* GENDER_FEMALE / GENDER_MALE of a following he/she */
} cand_t;
_Static_assert(sizeof(cand_t) == 28, "a candidate stays small: see above");

typedef VEC(cand_t) cands_t;

/* ---- a string -> int hash table, ASCII case ignored ------------------------ */

/* The map keeps a copy of each key, its length first, in an arena of its
 * own: a probe that finds its slot then reads the key from a few dense
 * kilobytes, not from the key's first place in the text, which on a large
 * document was a cache miss for nearly every candidate. */
typedef struct { size_t key; uint32_t h; int32_t v, v2; } slot_t;  /* key: arena offset + 1, 0 when empty */
typedef struct { slot_t *slots; size_t cap, len; char *arena; size_t alen, acap; } strmap_t;

/* Slots keep their key's hash: growing does not rehash, and a probe compares
 * text only when the hashes agree. full is lexicon_fold_hash(s, n): a caller
 * asking two maps about one string hashes it once. The slot of the key that
 * is the n bytes at s, or the empty slot where it would go (m has slots);
 * inline, as most calls are look-ups, which need no more. */
static inline slot_t *strmap_probe(const strmap_t *m, const char *s, size_t n, uint32_t full)
{
    uint32_t kn = (uint32_t)n;
    size_t h = full & (m->cap - 1);
    while (m->slots[h].key) {
        const slot_t *sl = &m->slots[h];
        if (sl->h == full) {
            const char *key = m->arena + sl->key - 1;
            /* (a name comes back mostly in the same case) */
            if (memcmp(key, &kn, sizeof kn) == 0 &&
                (memcmp(key + sizeof kn, s, n) == 0 || lexicon_fold_equal(key + sizeof kn, s, n)))
                break;
        }
        h = (h + 1) & (m->cap - 1);
    }
    return &m->slots[h];
}

/* The slot of the key that is the n bytes at s, or NULL. */
static inline const slot_t *strmap_find(const strmap_t *m, const char *s, size_t n, uint32_t full)
{
    const slot_t *sl = m->cap ? strmap_probe(m, s, n, full) : NULL;
    return sl && sl->key ? sl : NULL;
}

/* The same, the key added (v and v2 -1) when it is not there. */
static slot_t *strmap_add(strmap_t *m, const char *s, size_t n)
{
    uint32_t full = lexicon_fold_hash(s, n), kn = (uint32_t)n;
    if ((m->len + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        slot_t *ns = xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->slots[i].key)
                continue;
            size_t h = m->slots[i].h & (ncap - 1);
            while (ns[h].key)
                h = (h + 1) & (ncap - 1);
            ns[h] = m->slots[i];
        }
        free(m->slots);
        m->slots = ns;
        m->cap = ncap;
    }
    slot_t *sl = strmap_probe(m, s, n, full);
    if (sl->key)
        return sl;
    size_t need = m->alen + sizeof kn + n;
    if (need > m->acap)
        m->arena = xgrow(m->arena, &m->acap, need, 1);
    memcpy(m->arena + m->alen, &kn, sizeof kn);
    memcpy(m->arena + m->alen + sizeof kn, s, n);
    *sl = (slot_t){m->alen + 1, full, -1, -1};
    m->alen = need;
    m->len++;
    return sl;
}

/* The bytes of sl's key, as the map first met them. */
static const char *strmap_key(const strmap_t *m, const slot_t *sl)
{
    return m->arena + sl->key - 1 + sizeof(uint32_t);
}

static void strmap_free(strmap_t *m)
{
    free(m->slots);
    free(m->arena);
}

/* ---- token helpers -------------------------------------------------------- */

static bool in_lex(const doc_t *doc, const token_t *t, const lexicon_t *lex)
{
    return lexicon_has(lex, tok_str(doc, t), tok_len(t));
}

static bool is_word(const token_t *t) { return t->kind == TOK_WORD; }
static bool is_cap(const token_t *t) { return t->kind == TOK_WORD && (t->flags & TOKF_UPPER); }

/* Lower-case words listed by their length, each row NULL-terminated. */
#define BY_LEN_W 5
typedef const char *const by_len_t[BY_LEN_W];

/* Whether t is one of the words of by_len (rows lengths: 0 to rows - 1), as
 * tok_eq() says: it is compared only with the words as long as it, so most
 * tokens are ruled out by their length unread. */
static bool tok_among(const doc_t *doc, const token_t *t, const by_len_t *by_len, size_t rows)
{
    size_t n = tok_len(t);
    if (n >= rows)
        return false;
    for (const char *const *w = by_len[n]; *w; w++)
        if (tok_eq(doc, t, *w))
            return true;
    return false;
}
#define TOK_AMONG(doc, t, by_len) tok_among(doc, t, by_len, sizeof by_len / sizeof *by_len)

/* Bytes of a possessive ending ('s, ’s, or a bare ’ after s) at the end of t. */
static inline size_t possessive_len(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    size_t n = tok_len(t);
    if (n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'')
        return 2;
    if (n > 4 && (s[n - 1] == 's' || s[n - 1] == 'S') && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

/* A lower-case tail after a hyphen ("States-led", "Oslo-based"): offset of
 * the hyphen, or 0. */
static inline size_t lower_tail(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    size_t n = tok_len(t);
    if (n < 2 || !memchr(s + 1, '-', n - 1))
        return 0;   /* most words: found with a vector scan, not byte by byte */
    for (size_t i = n; i-- > 1;)
        if (s[i] == '-')
            return (i + 1 < n && s[i + 1] >= 'a' && s[i + 1] <= 'z') ? i : 0;
    return 0;
}

/* A single upper-case letter: an initial when a stop follows it. */
static bool is_initial(const doc_t *doc, const token_t *t)
{
    if (t->kind != TOK_WORD || !(t->flags & TOKF_UPPER) || tok_len(t) > 4)
        return false;   /* (a character has four bytes at most) */
    ucs4_t uc;
    int n = u8_mbtouc(&uc, (const uint8_t *)tok_str(doc, t), tok_len(t));
    return (size_t)n == tok_len(t);
}

/* A surname prefix glued to a capitalised stem: McAlister, MacLeod, DiMaggio,
 * LeBlanc, DeSantis. Such a word is a person's name, not a brand. */
static bool surname_prefix(const char *s, size_t n)
{
    static const char *const pre[] = {"Mc", "Mac", "Di", "De", "Da", "Du", "Le", "La", "Van", "Von", NULL};
    if (n < 3 || !strchr("MDLV", s[0]))
        return false;   /* the common case, without the loop */
    for (int k = 0; pre[k]; k++) {
        size_t l = 0;
        while (pre[k][l] && pre[k][l] == s[l])
            l++;
        if (!pre[k][l] && n > l + 1 && s[l] >= 'A' && s[l] <= 'Z')
            return true;
    }
    return false;
}

/* A surname glued to the Arabic article in lower case: "al-Harthy",
 * "el-Sayed"; part of a name, and a name by itself. */
static inline bool article_surname(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    /* (the hyphen first: it rules out nearly every word) */
    return t->kind == TOK_WORD && tok_len(t) > 4 && s[2] == '-' && (s[0] == 'a' || s[0] == 'e') &&
           s[1] == 'l' && s[3] >= 'A' && s[3] <= 'Z';
}

static bool has_inner_capital(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    if (surname_prefix(s, tok_len(t)))
        return false;
    for (size_t i = 1; i + 1 < tok_len(t); i++)
        if (s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
            return true;
    return false;
}

/* Lower-cases the n bytes at s into buf (NUL-terminated), folding every letter;
 * with strip, diacritics are dropped too (Lucía -> lucia). */
/* The plain spelling of a lower-case letter that Unicode does not
 * decompose into a base letter and a mark: Polish ł (Paweł), Nordic ø and æ
 * (Bjørn), South Slavic đ, Turkish dotless ı, German ß. */
static const char *plain_letter(ucs4_t uc)
{
    switch (uc) {
    case 0x0142: return "l";
    case 0x00F8: return "o";
    case 0x0111: return "d";
    case 0x0131: return "i";
    case 0x00E6: return "ae";
    case 0x0153: return "oe";
    case 0x00DF: return "ss";
    default: return NULL;
    }
}

static size_t fold_word(const char *s, size_t n, char *buf, size_t size, bool strip)
{
    uint8_t tmp[128];
    size_t tn = sizeof tmp;
    uint8_t *low = u8_tolower((const uint8_t *)s, n, NULL, strip ? UNINORM_NFD : NULL, tmp, &tn);
    if (!low)
        return 0;
    size_t o = 0;
    for (size_t i = 0; i < tn && o + 1 < size;) {
        ucs4_t uc;
        int l = u8_mbtouc(&uc, low + i, tn - i);
        const char *plain = strip ? plain_letter(uc) : NULL;
        if (plain)
            for (; *plain && o + 1 < size; plain++)
                buf[o++] = *plain;
        else if (!(strip && uc_is_general_category(uc, UC_CATEGORY_M)))
            for (int k = 0; k < l && o + 1 < size; k++)
                buf[o++] = (char)low[i + k];
        i += (size_t)(l > 0 ? l : 1);
    }
    buf[o] = '\0';
    if (low != tmp)
        free(low);
    return o;
}

static gender_t first_name_gender(const lexset_t *L, const char *s, size_t n)
{
    char buf[96];
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    if (ascii) {    /* the list is lower case; lookups ignore ASCII case */
        const char *v = lexicon_value(L->first_names, s, n);
        const char *dash = v ? NULL : memchr(s, '-', n);
        if (dash && dash > s) {     /* "Jean-Luc": the first part decides */
            v = lexicon_value(L->first_names, s, (size_t)(dash - s));
            /* after a name used by both sexes, the second: "Kerry-Anne" */
            const char *w = v && *v == 'u' ? lexicon_value(L->first_names, dash + 1, (size_t)(s + n - dash - 1)) : NULL;
            if (w)
                v = w;
        }
        return !v ? GENDER_UNKNOWN : *v == 'f' ? GENDER_FEMALE : *v == 'm' ? GENDER_MALE : GENDER_PLURAL;
    }
    /* the accented spelling first; when the list says "either" for it (a
     * conflict inside one of its source languages: hélène u, helene f), the
     * spelling without accents may still decide */
    gender_t got = GENDER_UNKNOWN;
    for (int strip = 0; strip < 2; strip++) {
        /* (a word that is a key as it is needs no lower-casing: the keys are
         * in lower case, so its other letters are already) */
        const char *v = strip ? NULL : lexicon_value(L->first_names, s, n);
        size_t k = v ? 0 : fold_word(s, n, buf, sizeof buf, strip);
        if (k)
            v = lexicon_value(L->first_names, buf, k);
        if (v && (*v == 'f' || *v == 'm'))
            return *v == 'f' ? GENDER_FEMALE : GENDER_MALE;
        if (v)
            got = GENDER_PLURAL;
    }
    return got;  /* GENDER_PLURAL stands for "either" */
}

/* ---- appositions and roles ------------------------------------------------ */

enum appos_kind { AP_NONE, AP_HEAD, AP_WHO, AP_WHICH };

/* After the name ending at token last: ", (a|an|the|one of) ... HEAD (of|at|who|,)".
 * Returns the kind and the head noun's token index in *head. */
static enum appos_kind apposition(const doc_t *doc, const segment_t *seg, size_t last, size_t *head)
{
    size_t n = seg->tokens.len, i = last + 1;
    if (i >= n || !tok_is_char(doc, &seg->tokens.items[i], ','))
        return AP_NONE;
    i++;
    if (i < n && tok_eq(doc, &seg->tokens.items[i], "who")) {
        *head = i;
        return AP_WHO;
    }
    if (i < n && tok_eq(doc, &seg->tokens.items[i], "which")) {
        *head = i;
        return AP_WHICH;
    }
    size_t got = SIZE_MAX;
    for (size_t k = 0; i < n && k < 12; i++, k++) {
        const token_t *t = &seg->tokens.items[i];
        if (!is_word(t)) {
            if (t->kind == TOK_NUMBER || tok_is_char(doc, t, '-'))
                continue;
            break;
        }
        /* by length, from two letters to six */
        static const char *const stops[5][11] = {
            {"of", "at", "in", "on", "to", "by", "is", NULL},
            {"for", "who", "and", "has", "had", "was", NULL},
            {"from", "with", "that", "whom", "have", "will", "near", "said", "says", "told", NULL},
            {"which", "whose", "since", "based", "would", NULL},
            {"called", NULL},
        };
        bool stop = false;
        size_t len = tok_len(t);
        if (len >= 2 && len <= 6 && !(t->flags & TOKF_UPPER)) {
            /* tok_eq's test of the first letter, first: most words pass no stop */
            char c = (char)(*tok_str(doc, t) | 32);
            for (const char *const *w = stops[len - 2]; *w && !stop; w++)
                stop = (*w)[0] == c && tok_eq(doc, t, *w);
        }
        /* "and" between the modifiers of one head: "the furniture and
         * homewares retailer", "an oil and gas company" (two lower-case
         * words after it, the second no short function word) */
        if (stop && len == 3 && tok_eq(doc, t, "and") && i + 2 < n && k > 0 &&
            is_word(&seg->tokens.items[i + 1]) && is_word(&seg->tokens.items[i + 2]) &&
            !(seg->tokens.items[i + 1].flags & TOKF_UPPER) && !(seg->tokens.items[i + 2].flags & TOKF_UPPER) &&
            tok_len(&seg->tokens.items[i + 2]) > 4 && i + 3 < n && tok_is_char(doc, &seg->tokens.items[i + 3], ','))
            continue;
        if (stop)
            break;
        if (possessive_len(doc, t))
            continue;       /* "Iceland's largest ice cap": the owner is not the head */
        got = i;
    }
    if (got == SIZE_MAX)
        return AP_NONE;
    *head = got;
    return AP_HEAD;
}

static void copy_lower(const char *s, size_t n, char *buf, size_t size)
{
    size_t k = n < size - 1 ? n : size - 1;
    for (size_t i = 0; i < k; i++)
        buf[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    buf[k] = '\0';
}

/* v into buf, cut to fit. */
static void copy_str(const char *v, char *buf, size_t size)
{
    size_t k = strlen(v);
    if (k > size - 1)
        k = size - 1;
    memcpy(buf, v, k);
    buf[k] = '\0';
}

static const char *role_of_token(const doc_t *doc, const token_t *t, const lexicon_t *roles,
                                 char *buf, size_t size)
{
    const char *s = tok_str(doc, t);
    size_t n = tok_len(t);
    if (lexicon_has(roles, s, n)) {
        copy_lower(s, n, buf, size);
        return buf;
    }
    /* "mayor-elect", "chairs" (in "who chairs the committee") */
    if (n > 6 && strncmp(s + n - 6, "-elect", 6) == 0 && lexicon_has(roles, s, n - 6)) {
        copy_lower(s, n - 6, buf, size);
        return buf;
    }
    return NULL;
}

/* Whether the role noun at token i is qualified so that its holder is not
 * "the ROLE" of the story: a qualifier anywhere among the (at most three)
 * words of the role phrase before it, "deputy mayor", "the shadow environment
 * secretary", "former deputy health minister" (the phrase stops at a
 * determiner, "and", "of", a possessive or punctuation) */
bool entities_role_qualified(const doc_t *doc, const segment_t *seg, size_t i)
{
    for (size_t j = i, n = 0; j > 0 && n < 3; n++) {
        const token_t *p = &seg->tokens.items[--j];
        if (!is_word(p) || possessive_len(doc, p))
            return false;
        static const by_len_t qualifiers[] = {[2] = {"ex"}, [4] = {"vice"},
            [6] = {"deputy", "former", "shadow", "acting"}, [7] = {"interim"}, [9] = {"assistant"}};
        static const by_len_t ends[] = {[1] = {"a"}, [2] = {"an", "of"}, [3] = {"the", "and", "its"},
            [5] = {"their"}};
        if (TOK_AMONG(doc, p, qualifiers))
            return true;
        if (TOK_AMONG(doc, p, ends))
            return false;
    }
    return false;
}

const char *entities_role_near(const doc_t *doc, const segment_t *seg, size_t first,
                               size_t last, bool after, char *buf, size_t size)
{
    /* looked up once, as lists never change: attrib calls this per name, and
     * lexicon_get compares the name on every call */
    static const lexicon_t *roles, *titles;
    if (!roles) {
        roles = lexicon_get("roles");
        titles = lexicon_get("titles");
    }
    const token_t *tk = seg->tokens.items;
    /* a title just before: "Finance Minister X", "Gen. X", "head coach X" */
    if (!after && first > 0) {
        size_t i = first - 1;
        size_t n = tok_len(&tk[i]);
        if (tok_is_char(doc, &tk[i], '.') && i > 0 && tk[i - 1].end == tk[i].start) {
            n = tk[i].end - tk[i - 1].start;
            i--;
        }
        /* (every title is a word: the rest, most often punctuation, are not looked up) */
        const char *v = is_word(&tk[i]) ? lexicon_value(titles, tok_str(doc, &tk[i]), n) : NULL;
        if (v && *v && strcmp(v, "-") != 0) {
            copy_str(v, buf, size);
            return entities_role_qualified(doc, seg, i) ? NULL : buf;  /* not "the mayor" */
        }
        if (is_word(&tk[i]) && !(tk[i].flags & TOKF_UPPER) && role_of_token(doc, &tk[i], roles, buf, size))
            return entities_role_qualified(doc, seg, i) ? NULL : buf;
        /* "the union's president, Beatriz Duarte" (the role first: most words
         * before a comma are none, and cost one look-up) */
        if (tok_is_char(doc, &tk[first - 1], ',') && first >= 2 && is_word(&tk[first - 2]) &&
            role_of_token(doc, &tk[first - 2], roles, buf, size))
            return entities_role_qualified(doc, seg, first - 2) ? NULL : buf;
    }
    if (!after)
        return NULL;
    size_t head;
    switch (apposition(doc, seg, last, &head)) {
    case AP_HEAD:
        return role_of_token(doc, &tk[head], roles, buf, size);
    case AP_WHO:
        /* "who chairs the committee" -> chair */
        if (head + 1 < seg->tokens.len && is_word(&tk[head + 1])) {
            const token_t *v = &tk[head + 1];
            size_t n = tok_len(v);
            const char *s = tok_str(doc, v);
            if (n > 2 && s[n - 1] == 's' && lexicon_has(roles, s, n - 1)) {
                copy_lower(s, n - 1, buf, size);
                return buf;
            }
        }
        return NULL;
    default:
        return NULL;
    }
}

bool entities_they_them(const doc_t *doc, const segment_t *seg, size_t last)
{
    const token_t *tk = seg->tokens.items;
    size_t n = seg->tokens.len;
    if (last + 1 >= n || !tok_is_char(doc, &tk[last + 1], ','))
        return false;
    for (size_t i = last + 2; i + 2 < n && i < last + 24; i++) {
        if (tok_is_char(doc, &tk[i], ',') || tok_is_char(doc, &tk[i], '.'))
            return false;
        if (tok_eq(doc, &tk[i], "they") && tok_is_char(doc, &tk[i + 1], '/') && tok_eq(doc, &tk[i + 2], "them"))
            return true;
    }
    return false;
}

/* ---- the scan of a paragraph ---------------------------------------------- */

typedef VEC(uint32_t) lists_t;

typedef struct {
    const doc_t *doc;
    const segment_t *seg;
    const lexset_t *L;
    cands_t *out;
    const span_t *titles;       /* title-case quotes of this paragraph */
    size_t ntitles;
    uint32_t *lists;            /* per token: its word's lists (enum word_list), or
                                 * LISTS_UNKNOWN until asked */
} scan_t;

/* (above any set of the W_COUNT lists' bits) */
#define LISTS_UNKNOWN UINT32_MAX
_Static_assert(W_COUNT < 32, "LISTS_UNKNOWN is no set of lists");

/* The lists token i's word is in: one probe, then remembered, since a name's
 * words are asked about again and again (the date rules, the run, its typing;
 * inlined, as the array answers most of those questions). */
static inline __attribute__((always_inline)) uint32_t word_lists(const scan_t *S, size_t i)
{
    uint32_t *l = &S->lists[i];
    if (*l == LISTS_UNKNOWN) {
        const token_t *t = &S->seg->tokens.items[i];
        *l = lexicon_lists(S->L->words, tok_str(S->doc, t), tok_len(t));
    }
    return *l;
}

/* The lists of the text from token i's start to end: token i's own when
 * that is all of it. */
static uint32_t span_lists(const scan_t *S, size_t i, uint32_t end)
{
    const token_t *t = &S->seg->tokens.items[i];
    if (end == t->end)
        return word_lists(S, i);
    return end > t->start ? lexicon_lists(S->L->words, S->doc->text + t->start, end - t->start) : 0;
}

/* ---- dates ------------------------------------------------------------------ */

static int number_value(const doc_t *doc, const token_t *t, size_t maxdigits)
{
    if (t->kind != TOK_NUMBER || tok_len(t) > maxdigits)
        return -1;
    int v = 0;
    const char *s = tok_str(doc, t);
    for (size_t i = 0; i < tok_len(t); i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool is_year(const doc_t *doc, const token_t *t)
{
    int v = number_value(doc, t, 4);
    return tok_len(t) == 4 && v >= 1000 && v <= 2199;
}

/* A month at token i ("March", "Jan."): the tokens it takes, or 0. */
static size_t month_at(const scan_t *S, size_t i)
{
    const doc_t *doc = S->doc;
    const segment_t *seg = S->seg;
    const token_t *t = &seg->tokens.items[i];
    if (!is_cap(t))
        return 0;
    if (i + 1 < seg->tokens.len && tok_is_char(doc, &seg->tokens.items[i + 1], '.') &&
        seg->tokens.items[i + 1].start == t->end &&
        lexicon_has(S->L->months, tok_str(doc, t), tok_len(t) + 1))
        return 2;
    if (word_lists(S, i) & W(MONTH))
        return 1;
    /* an abbreviation without its stop before a day or a year, Reuters
     * style: "Nov 27", "5 Jan 2027" */
    size_t len = tok_len(t);
    if (len >= 3 && len <= 4 && i + 1 < seg->tokens.len && seg->tokens.items[i + 1].kind == TOK_NUMBER &&
        (tok_len(&seg->tokens.items[i + 1]) <= 2 || is_year(doc, &seg->tokens.items[i + 1]))) {
        char buf[6];
        memcpy(buf, tok_str(doc, t), len);
        buf[len] = '.';
        return lexicon_has(S->L->months, buf, len + 1) ? 1 : 0;
    }
    return 0;
}

static bool is_day(int d) { return d >= 1 && d <= 31; }

/* A day written as an ordinal: "20th", "1st", "31st"; its value, or -1. */
static int ordinal_day(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    size_t n = tok_len(t);
    if (t->kind != TOK_NUMBER || n < 3 || n > 4 || s[n - 2] < 'a')
        return -1;
    int v = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    const char *suf = s + n - 2;
    bool ok = memcmp(suf, "st", 2) == 0 || memcmp(suf, "nd", 2) == 0 || memcmp(suf, "rd", 2) == 0 ||
              memcmp(suf, "th", 2) == 0;
    return ok && is_day(v) ? v : -1;
}

/* A numeric date with slashes in one token: "5/1/2027", "12/31/26". */
static bool slash_date(const doc_t *doc, const token_t *t)
{
    const char *s = tok_str(doc, t);
    size_t n = tok_len(t), i = 0, parts = 0, digits = 0, last = 0;
    if (t->kind != TOK_NUMBER || n < 6 || n > 10)
        return false;
    for (; i <= n; i++) {
        if (i < n && s[i] >= '0' && s[i] <= '9') {
            digits++;
            continue;
        }
        if (i < n && s[i] != '/')
            return false;
        if (digits == 0 || (parts < 2 && digits > 2))
            return false;
        parts++;
        last = digits;
        digits = 0;
    }
    return parts == 3 && (last == 2 || last == 4);
}

/* A range of days at token i: "3-4" (one token) or "20–21" (three glued
 * tokens). Returns the tokens it takes, or 0. */
static size_t day_range(const doc_t *doc, const segment_t *seg, size_t i)
{
    const token_t *tk = seg->tokens.items;
    size_t n = seg->tokens.len;
    const char *s = tok_str(doc, &tk[i]);
    size_t len = tok_len(&tk[i]);
    if (len >= 3 && len <= 5) {
        const char *dash = memchr(s, '-', len);
        if (dash && dash > s && dash < s + len - 1 && dash - s <= 2 && s + len - dash - 1 <= 2) {
            int a = 0, b = 0;
            for (const char *p = s; p < dash; p++)
                a = (*p >= '0' && *p <= '9') ? a * 10 + (*p - '0') : -99;
            for (const char *p = dash + 1; p < s + len; p++)
                b = (*p >= '0' && *p <= '9') ? b * 10 + (*p - '0') : -99;
            return is_day(a) && is_day(b) && a < b ? 1 : 0;
        }
    }
    if (i + 2 < n && tk[i].end == tk[i + 1].start && tk[i + 1].end == tk[i + 2].start &&
        (tok_is_char(doc, &tk[i + 1], '-') || (tok_len(&tk[i + 1]) == 3 &&
                                                memcmp(tok_str(doc, &tk[i + 1]), "\xE2\x80\x93", 3) == 0)) &&
        is_day(number_value(doc, &tk[i], 2)) && is_day(number_value(doc, &tk[i + 2], 2)))
        return 3;
    return 0;
}

/* A calendar expression starting at token i; returns the index after it, or i. */
static size_t date_at(const scan_t *S, size_t i)
{
    const doc_t *doc = S->doc;
    const segment_t *seg = S->seg;
    const token_t *tk = seg->tokens.items;
    size_t n = seg->tokens.len, j = i, m;
    if (tk[i].kind == TOK_PUNCT || (tk[i].kind == TOK_WORD && !(tk[i].flags & TOKF_UPPER)))
        return i;
    /* most capitalised words: no weekday, no month, and no month's
     * abbreviation, which has its stop or a number after it (month_at) */
    if (tk[i].kind == TOK_WORD && !(word_lists(S, i) & (W(WEEKDAY) | W(MONTH))) &&
        !(i + 1 < n && (tk[i + 1].kind == TOK_NUMBER || tok_is_char(doc, &tk[i + 1], '.'))))
        return i;
    if (is_cap(&tk[i]) && (word_lists(S, i) & W(WEEKDAY))) {
        j = i + 1;
        size_t k = j < n && tok_is_char(doc, &tk[j], ',') ? j + 1 : j;
        size_t r = k < n ? date_at(S, k) : k;
        /* only a day-and-month expression joins the weekday */
        if (r > k && (number_value(doc, &tk[k], 2) >= 1 || month_at(S, k)) && !is_year(doc, &tk[k]))
            return r;
        return j;
    }
    size_t r = tk[i].kind == TOK_NUMBER ? day_range(doc, seg, i) : 0;
    if (r && i + r < n && (m = month_at(S, i + r)) > 0) {
        j = i + r + m;      /* "20–21 January 2027", "3-4 May" */
        if (j < n && is_year(doc, &tk[j]))
            j++;
        return j;
    }
    int d = number_value(doc, &tk[i], 2);
    if (d < 0)          /* an ordinal day first: "12th February 2026", "1st May" */
        d = ordinal_day(doc, &tk[i]);
    if (d >= 1 && d <= 31 && i + 1 < n && (m = month_at(S, i + 1)) > 0) {
        j = i + 1 + m;
        if (j < n && is_year(doc, &tk[j]))
            j++;
        return j;
    }
    if ((m = month_at(S, i)) > 0 && i + m < n) {
        j = i + m;
        d = number_value(doc, &tk[j], 2);
        if (d < 0)      /* "January 20th", "Oct. 1-2" */
            d = ordinal_day(doc, &tk[j]) > 0 || day_range(doc, seg, j) == 1 ? 1 : -1;
        if (d >= 1 && d <= 31 && !(j + 1 < n && tok_is_char(doc, &tk[j + 1], ':'))) {
            j++;
            if (j + 1 < n && tok_is_char(doc, &tk[j], ',') && is_year(doc, &tk[j + 1]))
                j += 2;
            else if (j < n && is_year(doc, &tk[j]))
                j++;        /* "Jan 19 2027" */
            return j;
        }
        if (is_year(doc, &tk[j]))
            return j + 1;
        return i;
    }
    if (tk[i].kind == TOK_NUMBER) {
        const char *s = tok_str(doc, &tk[i]);
        size_t len = tok_len(&tk[i]);
        if (len == 10 && s[4] == '-' && s[7] == '-')
            return i + 1;                           /* 2026-01-28 */
        if (slash_date(doc, &tk[i]))
            return i + 1;                           /* 5/1/2027 */
        if (len == 5 && s[3] == '0' && s[4] == 's')
            return i + 1;                           /* 1990s */
        if (is_year(doc, &tk[i])) {
            static const char *const before[] = {"in", "since", "from", "by", "until", "till",
                "to", "between", "and", "of", "before", "after", "during", "early", "late",
                "mid", "around", "circa", "through", "year", "summer", "winter", "spring",
                "autumn", "fall", "season", "or", "the", "back", NULL};
            if (i > 0 && is_word(&tk[i - 1]))
                for (int b = 0; before[b]; b++)
                    if (tok_eq(doc, &tk[i - 1], before[b]))
                        return i + 1;
            if (i + 1 >= n || (tk[i + 1].kind == TOK_PUNCT && !tok_is_char(doc, &tk[i + 1], '-') &&
                               !tok_is_char(doc, &tk[i + 1], '%')))
                return i + 1;
            if (i == 0 || tok_is_char(doc, &tk[i - 1], '(') || tok_is_char(doc, &tk[i - 1], ','))
                return i + 1;
            int y = number_value(doc, &tk[i], 4);
            if (y >= 1900 && y <= 2099 && i + 1 < n && is_word(&tk[i + 1]) && !(tk[i + 1].flags & TOKF_UPPER)) {
                /* "forecast for 2026 to 1.9%" */
                if (i > 0 && tok_eq(doc, &tk[i - 1], "for") &&
                    (tok_eq(doc, &tk[i + 1], "to") || tok_eq(doc, &tk[i + 1], "and")))
                    return i + 1;
                /* a verb after it ends a noun phrase "the budget for 2026": "its
                 * appeal for 2026 was only 31 per cent funded" (not a count: "for
                 * 2000 people") */
                if (i > 0 && tok_eq(doc, &tk[i - 1], "for") &&
                    (tok_eq(doc, &tk[i + 1], "was") || tok_eq(doc, &tk[i + 1], "is") ||
                     tok_eq(doc, &tk[i + 1], "were") || tok_eq(doc, &tk[i + 1], "are") ||
                     tok_eq(doc, &tk[i + 1], "will") || tok_eq(doc, &tk[i + 1], "would") ||
                     tok_eq(doc, &tk[i + 1], "has") || tok_eq(doc, &tk[i + 1], "had")))
                    return i + 1;
                /* a year before a singular noun after a determiner: "a 2018
                 * crisis", "the original 1960 treaty"; not a count ("a 1500
                 * tonnes", "the 2000 people") */
                static const char *const det[] = {"a", "an", "the", "its", "their", "his", "her", "our", NULL};
                static const char *const counted[] = {"people", "staff", "police", "children", "men",
                    "women", "personnel", "cattle", "sheep", "per", "percent", NULL};
                const token_t *nx = &tk[i + 1];
                bool det_before = false;
                for (int d2 = 0; det[d2] && !det_before; d2++)
                    det_before = (i > 0 && tok_eq(doc, &tk[i - 1], det[d2])) ||
                                 (i > 1 && is_word(&tk[i - 1]) && !(tk[i - 1].flags & TOKF_UPPER) &&
                                  tok_eq(doc, &tk[i - 2], det[d2]));
                const char *w = tok_str(doc, nx);
                size_t wl = tok_len(nx);    /* a plural, not "crisis", "census", "process" */
                bool count = wl > 2 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'i' && w[wl - 2] != 'u';
                for (int c2 = 0; counted[c2] && !count; c2++)
                    count = tok_eq(doc, nx, counted[c2]);
                if (det_before && !count)
                    return i + 1;
            }
        }
    }
    return i;
}

/* The decade "’90s" / "'90s": a mark glued to "90s". */
static bool decade_at(const doc_t *doc, const segment_t *seg, size_t i)
{
    const token_t *tk = seg->tokens.items;
    /* (a number glued after a mark first: it rules out nearly every mark) */
    if (i + 1 >= seg->tokens.len || tk[i + 1].kind != TOK_NUMBER || tk[i].kind != TOK_PUNCT ||
        tk[i + 1].start != tk[i].end)
        return false;
    const char *p = tok_str(doc, &tk[i]);
    bool apos = (tok_len(&tk[i]) == 1 && *p == '\'') ||
                (tok_len(&tk[i]) == 3 && memcmp(p, "\xE2\x80\x99", 3) == 0);
    const char *s = tok_str(doc, &tk[i + 1]);
    return apos && tok_len(&tk[i + 1]) == 3 && s[1] == '0' && s[2] == 's';
}

/* ---- capitalised runs ------------------------------------------------------- */

/* Determiners, prepositions and conjunctions: closed-class words that never
 * begin a name, unlike a capitalised adjective ("New Centre"). */
static bool closed_class(const scan_t *S, size_t i)
{
    return word_lists(S, i) & W(FUNCTION);
}

/* A street type ("Lane", "Drive"; value "street" in place_words.txt), which
 * makes a place only as a name's last word. */
static bool is_street(const lexset_t *L, const char *s, size_t n)
{
    const char *v = lexicon_value(L->place_words, s, n);
    return v && strcmp(v, "street") == 0;
}

/* A lower-case geographic noun after a single name makes it a place ("the
 * Bicol region"): lexicon/geographic_nouns.txt. Its own list, not the
 * group's: the word after a name is seldom asked anything else, and the
 * small list turns most words down without a probe. */
static bool geo_noun(const scan_t *S, size_t i)
{
    const token_t *t = &S->seg->tokens.items[i];
    return t->kind == TOK_WORD && !(t->flags & TOKF_UPPER) && in_lex(S->doc, t, S->L->geo_nouns);
}

/* The word that names a storm: "Typhoon Marites", "Hurricane Ida". */
static bool is_storm(const doc_t *doc, const token_t *t)
{
    return tok_eq(doc, t, "Typhoon") || tok_eq(doc, t, "Hurricane") ||
           tok_eq(doc, t, "Cyclone") || tok_eq(doc, t, "Storm");
}

static bool in_title_quote(const scan_t *S, uint32_t pos)
{
    for (size_t i = 0; i < S->ntitles; i++)
        if (pos >= S->titles[i].start && pos < S->titles[i].end)
            return true;
    return false;
}

/* Whether the word at i sits where any word is capitalised: a sentence start,
 * after an opening quote mark or a colon. */
static bool at_start(const scan_t *S, size_t i)
{
    const token_t *tk = S->seg->tokens.items;
    if (tk[i].flags & TOKF_SENT_START)
        return true;
    if (i == 0)
        return true;
    const token_t *p = &tk[i - 1];
    return (p->flags & TOKF_QUOTE_MARK) || tok_is_char(S->doc, p, ':') ||
           tok_is_char(S->doc, p, '(') || (p->kind == TOK_PUNCT && tok_len(p) == 3 &&
                                           memcmp(tok_str(S->doc, p), "\xE2\x80\x94", 3) == 0);
}

static void push_cand(scan_t *S, size_t a, size_t b, uint32_t end, uint8_t type, uint8_t flags,
                      int8_t ctx_type)
{
    const token_t *tk = S->seg->tokens.items;
    cand_t c = {0};
    c.span = (span_t){tk[a].start, end};
    c.first_end = tk[a].end;
    c.last_start = tk[b].start;
    c.entity = -1;
    c.type = type;
    c.flags = flags;
    unsigned words = 0;
    for (size_t i = a; i <= b; i++) {
        if (!is_word(&tk[i]))
            continue;
        words++;
        if (i > a && !c.suffix_start && (word_lists(S, i) & W(PARTICLE)))
            c.suffix_start = tk[i].start;
    }
    c.ntok = (uint8_t)(words > 255 ? 255 : words);
    if (words == 1)
        c.flags |= CF_SINGLE;
    if (c.type == ENT_TYPE_COUNT && ctx_type >= 0) {
        c.type = (uint8_t)ctx_type;
        c.flags |= CF_SURE;
    }
    vec_push(S->out, c);
}

/* Types the words a..b of a run (b inclusive, end the byte end of the name). */
/* An agent noun outside the roles list opening a sentence before a first name
 * and one more word: "Reviewer Tobias Lindgren", "Researcher Ana Costa" (-er,
 * -or, -ist; not itself a first name nor a word of an organisation or place) */
static bool agent_noun(const scan_t *S, size_t a, size_t k, size_t b)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items, *t = &tk[a];
    size_t n = tok_len(t);
    const char *w = tok_str(doc, t);
    if (n < 5 || (tk[b].flags & TOKF_ALLCAPS))
        return false;
    for (size_t i = k + 1; i < b; i++)      /* the first name and the surname only */
        if (is_word(&tk[i]))
            return false;
    if (!(memcmp(w + n - 2, "er", 2) == 0 || memcmp(w + n - 2, "or", 2) == 0 ||
          memcmp(w + n - 3, "ist", 3) == 0))
        return false;
    return first_name_gender(S->L, w, n) == GENDER_UNKNOWN &&
           !(word_lists(S, a) & (W(ORG_WORD) | W(PLACE_WORD) | W(PLACE) | W(TITLE)));
}

/* The titles list's value for token i taken n bytes long (its stop
 * included: "Gen."), or NULL; the token's lists answer the common miss. */
static const char *title_value(const scan_t *S, size_t i, size_t n)
{
    const token_t *t = &S->seg->tokens.items[i];
    if (n == tok_len(t) && !(word_lists(S, i) & W(TITLE)))
        return NULL;
    return lexicon_value(S->L->titles, tok_str(S->doc, t), n);
}

/* An institution whose "of" complement is a title: "Office of the Auditor
 * General", "Department of the Attorney General" (the run's last words are
 * titles, "of" or "of the" before them, and an organisation word that is no
 * title before that: not "Secretary of State") */
static bool office_of_title(const scan_t *S, size_t a, size_t b)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items;
    size_t o = b;
    while (o > a && (!is_word(&tk[o]) || (word_lists(S, o) & W(TITLE))))
        o--;
    if (o == b || o <= a)
        return false;
    if (tok_eq(doc, &tk[o], "the"))     /* ASCII case ignored: "The" too */
        o--;
    return o > a && tok_eq(doc, &tk[o], "of") && is_word(&tk[o - 1]) &&
           (word_lists(S, o - 1) & W(ORG_WORD)) && !(word_lists(S, o - 1) & W(TITLE));
}

/* A Spanish definite article opening a name: El, La, Los, Las. */
static bool spanish_article(const doc_t *doc, const token_t *t)
{
    return tok_eq(doc, t, "El") || tok_eq(doc, t, "La") || tok_eq(doc, t, "Los") || tok_eq(doc, t, "Las");
}

/* Whether the first particle of the run a..b comes after two words or more,
 * the first of them no first name. */
static bool particle_after_two(const lexset_t *L, const doc_t *doc, const token_t *tk, size_t a, size_t b)
{
    size_t words = 0, after = 0;
    bool seen = false;
    for (size_t i = a; i <= b; i++) {
        if (!is_word(&tk[i]))
            continue;
        if (i > a && in_lex(doc, &tk[i], L->particles)) {
            if (words >= 2)
                break;
            seen = true;
            after = 0;
            continue;
        }
        if (seen)
            after++;
        else
            words++;
    }
    /* or one word, the particle and two capitalised words: "Opificio delle
     * Pietre Dure", "Museo de Arte Moderno" (a surname has one after it:
     * "Ruiz de la Fuente") */
    return (words >= 2 || (seen && words == 1 && after >= 2)) &&
           first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a])) == GENDER_UNKNOWN;
}

/* A word that closes a list after a place: ", X" or "and X" right after a
 * place candidate, and then punctuation, "and" or "or" ("cities including
 * Flint, Benton Harbor and Hamtramck."; not "in Lagos, Okafor said"). */
static bool place_list_item(const scan_t *S, size_t a, size_t b)
{
    const token_t *tk = S->seg->tokens.items;
    const doc_t *doc = S->doc;
    if (a < 2 || S->out->len == 0 || vec_last(S->out).type != ENT_PLACE ||
        vec_last(S->out).span.end != tk[a - 2].end)
        return false;
    if (!tok_is_char(doc, &tk[a - 1], ',') && !tok_eq(doc, &tk[a - 1], "and") && !tok_eq(doc, &tk[a - 1], "or"))
        return false;
    if (b + 1 >= S->seg->tokens.len)
        return true;
    const token_t *nx = &tk[b + 1];
    return (nx->kind == TOK_PUNCT && !(nx->flags & TOKF_QUOTE_MARK)) || tok_eq(doc, nx, "and") || tok_eq(doc, nx, "or");
}

/* A person's age in apposition after the name, news style: "Lena Ahl, 34,
 * was charged", "Ahl, 34." */
static bool age_after(const doc_t *doc, const segment_t *seg, size_t b)
{
    const token_t *tk = seg->tokens.items;
    size_t n = seg->tokens.len;
    if (b + 3 >= n || !tok_is_char(doc, &tk[b + 1], ','))
        return false;
    int v = number_value(doc, &tk[b + 2], 3);
    return v >= 1 && v <= 120 && tk[b + 3].kind == TOK_PUNCT &&
           (tok_is_char(doc, &tk[b + 3], ',') || tok_is_char(doc, &tk[b + 3], '.'));
}

/* Letters marked "person" in post_nominals.txt end a person's name only, as
 * a club has them too: "Damien Hale SC" (senior counsel), not "Al Ahly SC":
 * a title before the name, or a first name (no particle) opening it. */
static bool post_nominal_fits(const scan_t *S, size_t a, size_t b, bool titled)
{
    const token_t *tk = S->seg->tokens.items;
    const char *v = lexicon_value(S->L->post_nominals, tok_str(S->doc, &tk[b]), tok_len(&tk[b]));
    if (!v || strcmp(v, "person") != 0 || titled)
        return true;
    return !(word_lists(S, a) & W(PARTICLE)) &&
           first_name_gender(S->L, tok_str(S->doc, &tk[a]), tok_len(&tk[a])) != GENDER_UNKNOWN;
}

static void classify(scan_t *S, size_t a, size_t b, uint32_t end, bool titled, bool at_sent_start);

/* A preposition before the run at a (of words words, the first's lists
 * lead) that makes it a place, unless it is another name's alias: "near X",
 * "in X", "grew up in nearby X", "in neighbouring X", "a rescuer from X".
 * (A function of its own, small enough for tok_eq() to be inline in it,
 * where classify() called an out-of-line copy that compares the bytes of
 * words of any length.) */
static bool place_preposition_before(const scan_t *S, size_t a, size_t words, uint32_t lead)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items;
    return tok_eq(doc, &tk[a - 1], "near") || tok_eq(doc, &tk[a - 1], "in") ||
           (a >= 2 && (tok_eq(doc, &tk[a - 1], "nearby") || tok_eq(doc, &tk[a - 1], "neighbouring") ||
                       tok_eq(doc, &tk[a - 1], "neighboring")) &&
            (tok_eq(doc, &tk[a - 2], "in") || tok_eq(doc, &tk[a - 2], "from"))) ||
           (words == 1 && (tok_eq(doc, &tk[a - 1], "from") || tok_eq(doc, &tk[a - 1], "around")) &&
            !possessive_len(doc, &tk[a]) && !(lead & (W(MONTH) | W(WEEKDAY))));
}

/* The words of a..b before the title that ends at b ("Ohio" of "Ohio
 * Secretary of State", "West Yorkshire" of "West Yorkshire Mayor’s"), the
 * titles among them skipped, classified as a run of their own. */
static void classify_before_title(scan_t *S, size_t a, size_t b, bool at_sent_start)
{
    const token_t *tk = S->seg->tokens.items;
    size_t p = b - 1;
    while (p > a && (!is_word(&tk[p]) || (word_lists(S, p) & W(TITLE))))
        p--;
    if (is_word(&tk[p]) && !(word_lists(S, p) & W(TITLE)))
        classify(S, a, p, tk[p].end, false, at_sent_start);
}

static void classify(scan_t *S, size_t a, size_t b, uint32_t end, bool titled, bool at_sent_start)
{
    const doc_t *doc = S->doc;
    const lexset_t *L = S->L;
    const token_t *tk = S->seg->tokens.items;
    while (a <= b && !is_word(&tk[a]))
        a++;
    if (a > b)
        return;
    uint32_t start = tk[a].start;
    /* a legislator's party and home after the name, US style: "Sen. Ann Lee,
     * D-Ohio", "Rep. Tom Ford, R-Grand Rapids", "(R-Fla.)": the place after
     * the letter */
    if (a > 0 && tok_len(&tk[a]) > 3 && (tok_is_char(doc, &tk[a - 1], ',') || tok_is_char(doc, &tk[a - 1], '('))) {
        const char *w = tok_str(doc, &tk[a]);
        if ((w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z') {
            push_cand(S, a, b, end, ENT_PLACE, CF_SURE, -1);
            vec_last(S->out).span.start += 2;
            return;
        }
    }
    /* the rest of a title written with "of" before a name: "Secretary of State
     * Lena Marsh", "Minister of Finance Ana Lopes": the title's words go */
    if (a >= 2 && tok_eq(doc, &tk[a - 1], "of") && is_word(&tk[a - 2]) && (word_lists(S, a) & W(TITLE))) {
        const char *v = lexicon_value(L->titles, tok_str(doc, &tk[a - 2]), tok_len(&tk[a - 2]));
        if (v && *v && strcmp(v, "-") != 0) {
            size_t r = a;
            while (r <= b && (!is_word(&tk[r]) || (word_lists(S, r) & W(TITLE))))
                r++;
            if (r <= b && r > a)
                classify(S, r, b, end, true, false);
            if (r > b || r > a)
                return;
        }
    }
    /* a title written with "of" after a place: "Ohio Secretary of State X",
     * "Kenya's ... Minister of Finance": the words before the title */
    if (b > a && b + 2 < S->seg->tokens.len && tok_eq(doc, &tk[b + 1], "of") && (word_lists(S, b + 2) & W(TITLE))) {
        const char *v = lexicon_value(L->titles, tok_str(doc, &tk[b]), end - tk[b].start);
        if (v && *v && strcmp(v, "-") != 0) {
            classify_before_title(S, a, b, at_sent_start);
            return;
        }
    }
    /* post-nominal letters end a name without being part of it: "Simon
     * Trevelyan KC", "Jane Roe MP" (lexicon/post_nominals.txt, capitals only) */
    if (b > a && (tk[b].flags & TOKF_ALLCAPS) && (word_lists(S, b) & W(POST_NOMINAL)) &&
        post_nominal_fits(S, a, b, titled)) {
        size_t p = b - 1;
        while (p > a && !is_word(&tk[p]))
            p--;
        if (is_word(&tk[p]) && !(tk[p].flags & TOKF_ALLCAPS)) {
            classify(S, a, p, tk[p].end, titled, at_sent_start);
            return;
        }
    }
    /* a category with a Roman numeral is no name: "Phase III", "Class I",
     * "World War II"; a monarch or a pope keeps it ("Charles III", "Queen
     * Margrethe II") */
    if (b > a && !titled && (tk[b].flags & (tok_len(&tk[b]) == 1 ? TOKF_UPPER : TOKF_ALLCAPS)) && tok_len(&tk[b]) <= 4 &&
        end == tk[b].end) {
        const char *w = tok_str(doc, &tk[b]);
        size_t n = tok_len(&tk[b]), r = 0;
        while (r < n && (w[r] == 'I' || w[r] == 'V' || w[r] == 'X'))
            r++;
        size_t p = b - 1;
        while (p > a && !is_word(&tk[p]))
            p--;
        bool title = false;
        for (size_t q = a; r == n && q < b && !title; q++)
            title = is_word(&tk[q]) && (word_lists(S, q) & W(TITLE));
        if (r == n && !title && is_word(&tk[p]) &&
            first_name_gender(L, tok_str(doc, &tk[p]), tok_len(&tk[p])) == GENDER_UNKNOWN)
            return;
    }
    /* the plural of post-nominal letters names a group of people, not an
     * organisation; the words before it qualify it: "Opposition MPs",
     * "Labour MEPs" (the lower-case s is the cheap gate) */
    {
        const char *w = tok_str(doc, &tk[b]);
        size_t n = tok_len(&tk[b]);
        if (n >= 3 && n <= 6 && w[n - 1] == 's' && (unsigned char)(w[n - 2] - 'A') < 26 &&
            (unsigned char)(w[0] - 'A') < 26 && lexicon_has(L->post_nominals, w, n - 1)) {
            size_t p = b;
            while (p > a && !is_word(&tk[p - 1]))
                p--;
            if (p > a)
                classify(S, a, p - 1, tk[p - 1].end, titled, at_sent_start);
            return;
        }
    }
    /* the whole run in a list */
    uint32_t whole = span_lists(S, a, end);
    if (whole & W(PLACE)) {
        push_cand(S, a, b, end, ENT_PLACE, CF_SURE | CF_KNOWN, -1);
        return;
    }
    if (whole & W(ORG)) {
        push_cand(S, a, b, end, ENT_ORGANIZATION, CF_SURE | CF_KNOWN, -1);
        return;
    }
    /* a known place before a role noun describes a person, it names none:
     * "a Colorado Democrat", "an Ohio Republican", "the Texas farmer";
     * the place stays a place (the role, last and capitalised, is the gate) */
    if (b > a && end == tk[b].end && (word_lists(S, b) & W(ROLE)) &&
        !(word_lists(S, b) & (W(ORG_WORD) | W(TITLE)))) {
        size_t p = b - 1;
        while (p > a && !is_word(&tk[p]))
            p--;
        if (p >= a && is_word(&tk[p]) && p + 1 == b &&
            (span_lists(S, a, tk[p].end) & W(PLACE))) {
            push_cand(S, a, p, tk[p].end, ENT_PLACE, CF_SURE | CF_KNOWN, -1);
            return;
        }
    }
    /* (with its possessive too: "UNESCO’s list", whose token is not all capitals) */
    bool caps_word = tk[a].flags & TOKF_ALLCAPS;
    if (!caps_word && a == b && end < tk[a].end && end - start >= 2 && possessive_len(doc, &tk[a])) {
        caps_word = true;
        for (uint32_t p = start; p < end && caps_word; p++)
            caps_word = doc->text[p] >= 'A' && doc->text[p] <= 'Z';
    }
    const char *long_name = caps_word && a == b
        ? lexicon_value(L->acronyms, doc->text + start, end - start) : NULL;
    if (long_name) {
        /* a known acronym ("NATO") clusters under its long name */
        push_cand(S, a, b, end, ENT_ORGANIZATION, CF_SURE | CF_KNOWN | CF_LONG_NAME, -1);
        return;
    }
    /* leading function words, nationality adjectives and participles
     * ("Speaking at ...") are not part of a name; an adjective before an
     * organisation word is ("New Centre"), and so is a nationality adjective
     * when the name ends in such a word ("Northern Venues Alliance") */
    size_t k = a + 1;
    while (k <= b && !is_word(&tk[k]))
        k++;
    /* the last word's lists, asked again below; without a possessive or a
     * lower-case tail that end cut off ("Real Sociedad’s B team") */
    size_t blen = end < tk[b].end ? end - tk[b].start : tok_len(&tk[b]);
    uint32_t last = span_lists(S, b, tk[b].start + (uint32_t)blen);
    bool last_org = last & W(ORG_WORD);
    bool last_place = last & W(PLACE_WORD);
    if (last_org && b > a && is_word(&tk[b - 1]) && (word_lists(S, b - 1) & W(TITLE))) {
        /* a word that is both a title and an organisation word ends a title
         * after a title: "Acme Chief Executive", not "Health and Safety Executive" */
        const char *v = title_value(S, b, blen);
        if (v && *v && strcmp(v, "-") != 0)
            last_org = false;
    }
    bool org_tail = last_org || last_place;
    uint32_t lead = word_lists(S, a);     /* the lists of the run's first word */
    bool demonym = lead & W(DEMONYM);
    if (k <= b && demonym && (span_lists(S, k, end) & W(ORG))) {
        /* a national branch of a known organisation: "Philippine Red Cross" */
        push_cand(S, a, b, end, ENT_ORGANIZATION, CF_SURE, -1);
        return;
    }
    if (k <= b && is_storm(doc, &tk[a]))
        return;     /* "Typhoon Marites", "Storm Ciara": an event, not an entity */
    if (k < b && !(word_lists(S, k) & W(COMMON)) &&
        first_name_gender(L, tok_str(doc, &tk[k]), tok_len(&tk[k])) != GENDER_UNKNOWN &&
        ((lead & W(ROLE)) || (at_sent_start && agent_noun(S, a, k, b)))) {
        /* an occupation opening a sentence before a full name: "Defender Callum
         * McAlister headed the winner" (a title would be in the titles list) */
        classify(S, k, b, end, true, false);
        return;
    }
    bool lead_initial = a + 1 <= b && tok_is_char(doc, &tk[a + 1], '.') && is_initial(doc, &tk[a]);
    bool lead_common = (lead & W(COMMON)) && !lead_initial &&
                       !(k <= b && org_tail && !(lead & W(FUNCTION)));
    if (lead_common && k < b && !(lead & W(FUNCTION)) && (span_lists(S, a, tk[k].end) & W(PLACE)))
        lead_common = false;    /* it opens a known place: "New York City FC" */
    bool lead_demonym = demonym && !(k <= b && org_tail) &&
                        !(k < b && (word_lists(S, k) & W(ORG_WORD)));   /* "European Centre for ..." */
    if (demonym && !lead_demonym && k < b && (word_lists(S, k) & W(ORG_WORD)) && !(k <= b && org_tail)) {
        /* a state's ministry or department is named without the nationality:
         * "the Chilean Ministry of Cultures" (value "state" in org_words.txt) */
        const char *v = lexicon_value(L->org_words, tok_str(doc, &tk[k]), tok_len(&tk[k]));
        lead_demonym = v && strcmp(v, "state") == 0;
    }
    bool lead_ing = (at_sent_start || a == 0) && tok_len(&tk[a]) > 3 &&
                    strncmp(tok_str(doc, &tk[a]) + tok_len(&tk[a]) - 3, "ing", 3) == 0 &&
                    !(k <= b && org_tail);
    if (lead_common || lead_demonym || lead_ing) {
        if (k <= b)
            classify(S, k, b, end, titled, false);
        return;
    }
    /* titles alone are a role, not a name: "the Prime Minister", "Chief Executive" */
    {
        bool all_titles = true;
        for (size_t i = a; i <= b && all_titles; i++) {
            if (!is_word(&tk[i]))
                continue;
            size_t n = tok_len(&tk[i]);
            if (i + 1 <= b && tok_is_char(doc, &tk[i + 1], '.') && tk[i + 1].start == tk[i].end)
                n++;
            all_titles = (word_lists(S, i) & W(TITLE)) ||
                         (n != tok_len(&tk[i]) && lexicon_has(L->titles, tok_str(doc, &tk[i]), n));
        }
        if (all_titles)
            return;
    }
    if (b > a + 2 && (word_lists(S, b) & W(TITLE)) && office_of_title(S, a, b)) {
        push_cand(S, a, b, end, ENT_ORGANIZATION, CF_SURE, -1);
        return;
    }
    /* a title ends the run after "the": a role, not a name ("the NSW Premier,
     * Caroline Whitfield", "the Opposition Leader"); what goes before it
     * may still be a name of its own */
    if (b > a && a > 0 && !last_org && tok_eq(doc, &tk[a - 1], "the") &&
        /* (not the complement of a place's or an institution's name: "the
         * Palace of Justice", unlike "the Minister of Justice") */
        !(tok_eq(doc, &tk[b - 1], "of") && !(lead & W(TITLE)))) {
        const char *v = title_value(S, b, tok_len(&tk[b]));
        if (v && *v && strcmp(v, "-") != 0) {
            size_t p = b - 1;
            while (p > a && !is_word(&tk[p]))
                p--;
            if (is_word(&tk[p]))
                classify(S, a, p, tk[p].end, false, at_sent_start);
            return;
        }
    }
    /* a title ends the run before a possessive: the office's holder, not a
     * name ("West Yorkshire Mayor’s office", "the Kenyan Foreign Minister’s
     * visit"); what goes before it may be a name; a first name opening the
     * run makes the title a surname ("Stephen King’s novel") */
    if (b > a && !last_org && end < tk[b].end && possessive_len(doc, &tk[b]) &&
        first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a])) == GENDER_UNKNOWN) {
        const char *v = title_value(S, b, blen);
        if (v && *v && strcmp(v, "-") != 0) {
            classify_before_title(S, a, b, at_sent_start);
            return;
        }
    }
    /* a title inside the run splits it: "United States President Donald Trump";
     * not when an organisation word ends the run, which makes the title a
     * word of its name ("Premier League", "General Motors") */
    size_t last_title = SIZE_MAX, first_title = SIZE_MAX;
    for (size_t i = a; i < b && !last_org; i++) {
        if (!is_word(&tk[i]))
            continue;
        size_t n = tok_len(&tk[i]);
        if (i + 1 <= b && tok_is_char(doc, &tk[i + 1], '.') && tk[i + 1].start == tk[i].end)
            n++;
        const char *v = title_value(S, i, n);
        if (v && strcmp(v, "-") != 0)
            last_title = i;
    }
    /* "General" inside an institution's name before a place word is an
     * adjective, not a title: "Massachusetts General Hospital" */
    if (last_title != SIZE_MAX && last_place && last_title > a && tok_eq(doc, &tk[last_title], "General"))
        last_title = SIZE_MAX;
    if (last_title != SIZE_MAX) {
        /* walk back over the words that qualify the title ("Chief Financial Officer") */
        first_title = last_title;
        while (first_title > a) {
            size_t p = first_title - 1;
            if (tok_is_char(doc, &tk[p], '.'))
                break;
            if (!is_word(&tk[p]) || !(word_lists(S, p) & W(TITLE)))
                break;
            first_title = p;
        }
        /* "Village" before a title is the title's, US style: "Arlington
         * Heights Village President X" names Arlington Heights */
        if (first_title > a + 1 && tok_eq(doc, &tk[first_title - 1], "Village"))
            first_title--;
        size_t r = last_title + 1;
        while (r <= b && !is_word(&tk[r]))
            r++;
        if (first_title > a)
            classify(S, a, first_title - 1, tk[first_title - 1].end, false, at_sent_start);
        if (r <= b)
            classify(S, r, b, end, true, false);
        return;
    }
    size_t words = 0;
    bool org_word = false, place_word = false, particle = false, initials = false;
    bool first_place = false;   /* the first word opens place names: "Lake Drive" */
    bool amp = false;           /* "Kessler & Voss": partners' names make a firm */
    for (size_t i = a; i <= b; i++) {
        if (!is_word(&tk[i])) {
            amp = amp || tok_is_char(doc, &tk[i], '&');
            continue;
        }
        words++;
        uint32_t lists = word_lists(S, i);
        if (i == b ? last_org : (lists & W(ORG_WORD)))
            org_word = true;
        if (i < b && i == a && (lists & W(PLACE_WORD))) {
            /* (a street word or a building's word ends place names, never
             * opens one: "House of Commons Library", unlike "Lake Drive") */
            const char *v = lexicon_value(L->place_words, tok_str(doc, &tk[i]), tok_len(&tk[i]));
            first_place = !(v && (strcmp(v, "street") == 0 || strcmp(v, "last") == 0));
        }
        if (i == b ? last_place : first_place)
            place_word = true;
        if (i > a && (lists & W(PARTICLE)) && !(lead & W(PARTICLE)))
            particle = true;
        if (i + 1 <= b && tok_is_char(doc, &tk[i + 1], '.') && is_initial(doc, &tk[i]))
            initials = true;
    }
    if (words == 1 && is_initial(doc, &tk[a]))
        return;
    if (words == 1 && tok_len(&tk[a]) == 2) {
        /* a fiscal quarter or half: "in Q3", "H1 sales" */
        const char *w = tok_str(doc, &tk[a]);
        if ((w[0] == 'Q' && w[1] >= '1' && w[1] <= '4') || (w[0] == 'H' && (w[1] == '1' || w[1] == '2')))
            return;
    }
    /* context: a role or organisation noun before, an apposition after, a
     * place preposition before a single word */
    int ctx = -1;
    bool weak = false;      /* "in X": a place unless X is another name's alias */
    bool place_frame = false;   /* "the town of X" beats a first name ("the bank X" does
                                 * not: "she told the committee Maria Lopes had gone") */
    char rbuf[48];
    /* (a sentence's first word too, which the run left out: "In Shibam, …") */
    if (a > 0 && is_word(&tk[a - 1]) &&
        (!(tk[a - 1].flags & TOKF_UPPER) ||
         ((tk[a - 1].flags & TOKF_SENT_START) && (word_lists(S, a - 1) & W(FUNCTION))))) {
        if (role_of_token(doc, &tk[a - 1], L->roles, rbuf, sizeof rbuf))
            ctx = ENT_PERSON;
        else if (word_lists(S, a - 1) & W(ORG_NOUN))
            ctx = ENT_ORGANIZATION;
        else if (place_preposition_before(S, a, words, lead))
            ctx = ENT_PLACE, weak = true;
        else if (tok_eq(doc, &tk[a - 1], "for") && a >= 2 && is_word(&tk[a - 2]) &&
                 (((tk[a - 2].flags & TOKF_ALLCAPS) && (word_lists(S, a - 2) & W(POST_NOMINAL))) ||
                  tok_eq(doc, &tk[a - 2], "member")))
            ctx = ENT_PLACE, place_frame = true;    /* a constituency: "the MP for Ceredigion Preseli" */
        else if (tok_eq(doc, &tk[a - 1], "of") && a >= 2 && is_word(&tk[a - 2]) &&
                 ((word_lists(S, a - 2) & W(PLACE_WORD)) || tok_eq(doc, &tk[a - 2], "mayor")))
            ctx = ENT_PLACE, place_frame = true;
    } else if (a >= 3 && end == tk[b].end && tok_is_char(doc, &tk[a - 1], ',') && is_word(&tk[a - 2]) &&
               !(tk[a - 2].flags & TOKF_UPPER) &&
               role_of_token(doc, &tk[a - 2], L->roles, rbuf, sizeof rbuf)) {
        /* a name in apposition to a determined role: "Maharashtra's industry
         * minister, Sunanda Rao", "the union's secretary-general, Ada Kamau",
         * "a foreign ministry spokesman, Zhang Hao"
         * (not a possessive: "The mediator, CADI's chief negotiator X") */
        for (size_t p = a - 3, n = 0; n < 3 && is_word(&tk[p]); p--, n++) {
            if (possessive_len(doc, &tk[p]) || tok_eq(doc, &tk[p], "the") ||
                tok_eq(doc, &tk[p], "its") || tok_eq(doc, &tk[p], "their") ||
                tok_eq(doc, &tk[p], "a") || tok_eq(doc, &tk[p], "an")) {
                ctx = ENT_PERSON;
                break;
            }
            if ((tk[p].flags & TOKF_UPPER) || p == 0)
                break;
        }
    }
    /* a name in apposition to a role with its complement: "the head of the
     * agency, Thabo Ndlovu", "the Minister of Health, X" (a comma before the
     * run is the gate) */
    if (ctx < 0 && a >= 5 && end == tk[b].end && tok_is_char(doc, &tk[a - 1], ',')) {
        for (size_t p = a - 2, n = 0; n < 8 && p >= 2 && is_word(&tk[p]); p--, n++) {
            if (!tok_eq(doc, &tk[p], "of"))
                continue;
            const token_t *r = &tk[p - 1];
            if (is_word(r) && (((r->flags & TOKF_UPPER) && (word_lists(S, p - 1) & W(TITLE))) ||
                               (!(r->flags & TOKF_UPPER) && role_of_token(doc, r, L->roles, rbuf, sizeof rbuf))) &&
                is_word(&tk[p - 2]) &&
                (tok_eq(doc, &tk[p - 2], "the") || possessive_len(doc, &tk[p - 2])))
                ctx = ENT_PERSON;
            break;
        }
    }
    /* the surname after a first name and a nickname in quotes: "Conor
     * “Bullet” Magee" (the first name made no name of its own in scan_run) */
    if (ctx < 0 && a >= 4 && (tk[a - 1].flags & TOKF_QUOTE_MARK) && (tk[a].flags & TOKF_SPACE_BEFORE)) {
        size_t q = a - 2;
        while (q > 0 && q + 5 > a && is_cap(&tk[q]) && (tk[q].flags & TOKF_IN_QUOTE))
            q--;
        if (q + 2 < a && q > 0 && (tk[q].flags & TOKF_QUOTE_MARK) && is_cap(&tk[q - 1]) &&
            first_name_gender(L, tok_str(doc, &tk[q - 1]), tok_len(&tk[q - 1])) != GENDER_UNKNOWN)
            ctx = ENT_PERSON;
    }
    size_t head;
    bool org_appos = false;     /* "X, the homewares retailer,": beats a first name */
    switch (apposition(doc, S->seg, b, &head)) {
    case AP_HEAD:
        if (role_of_token(doc, &tk[head], L->roles, rbuf, sizeof rbuf))
            ctx = ENT_PERSON;
        else if (word_lists(S, head) & W(ORG_NOUN))
            ctx = ENT_ORGANIZATION,
            org_appos = head > b + 2 && !(tk[head].flags & TOKF_UPPER) &&
                        (tok_eq(doc, &tk[b + 2], "the") || tok_eq(doc, &tk[b + 2], "a") ||
                         tok_eq(doc, &tk[b + 2], "an"));
        else if (word_lists(S, head) & W(PLACE_WORD))
            ctx = ENT_PLACE;
        else if (head + 1 < S->seg->tokens.len && tok_eq(doc, &tk[head + 1], "at") &&
                 !(tk[head].flags & TOKF_UPPER) && (tok_eq(doc, &tk[b + 2], "a") || tok_eq(doc, &tk[b + 2], "an")))
            ctx = ENT_PERSON;   /* someone who works somewhere: "Zhang Wei, a partner at ..." */
        break;
    case AP_WHO:
        /* "the Greens, who …", "the Democrats, who …": a plural after "the"
         * names a group (a party, a band), not a person */
        if (a > 0 && tok_eq(doc, &tk[a - 1], "the") &&
            (words == 1 || first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a])) == GENDER_UNKNOWN) &&
            tok_len(&tk[b]) > 3 && tok_str(doc, &tk[b])[tok_len(&tk[b]) - 1] == 's' &&
            tok_str(doc, &tk[b])[tok_len(&tk[b]) - 2] != 's')
            ctx = ENT_ORGANIZATION;
        else
            ctx = ENT_PERSON;
        break;
    case AP_WHICH:
        if (ctx < 0)
            ctx = ENT_ORGANIZATION;
        break;
    default:
        if (b + 2 < S->seg->tokens.len && tok_is_char(doc, &tk[b + 1], ',') &&
            tok_eq(doc, &tk[b + 2], "founded"))
            ctx = ENT_ORGANIZATION;
        else if (ctx < 0 && end == tk[b].end && age_after(doc, S->seg, b))
            ctx = ENT_PERSON;
        break;
    }
    /* an adjective of several words: "North African", "Sri Lankan" (those
     * in demonyms.txt end in -an, -ern or -ese: the cheap gate) */
    if (words >= 2 && words <= 3 && !org_word && !last_place && blen > 3 &&
        (memcmp(tok_str(doc, &tk[b]) + blen - 2, "an", 2) == 0 ||
         memcmp(tok_str(doc, &tk[b]) + blen - 2, "rn", 2) == 0 ||
         memcmp(tok_str(doc, &tk[b]) + blen - 3, "ese", 3) == 0) &&
        (whole & W(DEMONYM)))
        return;
    if (words >= 2 && place_word && !first_place && !org_word && is_street(L, tok_str(doc, &tk[b]), blen) &&
        first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a])) != GENDER_UNKNOWN &&
        !(a > 0 && (tok_eq(doc, &tk[a - 1], "on") || tok_eq(doc, &tk[a - 1], "off") ||
                    tok_eq(doc, &tk[a - 1], "along") || tok_eq(doc, &tk[a - 1], "near") ||
                    tok_eq(doc, &tk[a - 1], "in") || tok_eq(doc, &tk[a - 1], "at") ||
                    tok_eq(doc, &tk[a - 1], "onto") || tok_eq(doc, &tk[a - 1], "into") ||
                    tok_eq(doc, &tk[a - 1], "the"))))
        place_word = false;     /* "Diane Lane", not "on Maple Lane", "at the DeVos Place" */
    if (words >= 2) {
        /* (an acronym of three letters or more opening a name in mixed case
         * is no first name: "JAMA Pediatrics", "NASA Goddard") */
        bool acro_lead = (tk[a].flags & TOKF_ALLCAPS) && tok_len(&tk[a]) >= 3 && a < b &&
                         is_word(&tk[a + 1]) && !(tk[a + 1].flags & TOKF_ALLCAPS);
        gender_t g = (org_word || place_word || titled || particle || initials || acro_lead) ? GENDER_UNKNOWN
                     : first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a]));
        uint8_t type;
        uint16_t sure = CF_SURE;
        bool lead_particle = lead & W(PARTICLE);
        /* three or more words ending in a known place, the second no first
         * name, name an organisation ("Memory Matters Scotland"), not a person
         * ("Mary Ann Warren" keeps its middle name) */
        bool place_tail = words >= 3 && g != GENDER_UNKNOWN && k < b &&
                          (last & W(PLACE)) &&
                          first_name_gender(L, tok_str(doc, &tk[k]), tok_len(&tk[k])) == GENDER_UNKNOWN;
        /* a surname and a Korean given name with its lower-case second
         * syllable ("Park Ji-hoon"): a person, though Park is a place word */
        bool syllable = words == 2 && ((end == tk[b].end && lower_tail(doc, &tk[b])) ||
                                       (is_word(&tk[a]) && lower_tail(doc, &tk[a])));    /* "Ji-hoon Kim" */
        if (syllable)
            type = ENT_PERSON;
        else if (org_word || place_tail || amp ||
                 /* a name ending in an acronym (post-nominals went above):
                  * "Africa CDC", "Europe PMC" */
                 (!titled && !initials && end == tk[b].end && tok_len(&tk[b]) >= 3 && (tk[b].flags & TOKF_ALLCAPS) &&
                  !(tk[a].flags & TOKF_ALLCAPS)))
            type = ENT_ORGANIZATION;
        else if (place_word && (titled || ctx == ENT_PERSON) && !first_place &&
                 first_name_gender(L, tok_str(doc, &tk[a]), tok_len(&tk[a])) != GENDER_UNKNOWN)
            type = ENT_PERSON;      /* a title before FIRSTNAME Park: "Rep. Nina Park", or a
                                     * role around it: "Ellen Park, an analyst at ..." */
        else if (place_word)
            type = ENT_PLACE;
        else if (place_frame && !titled && !initials)
            type = ENT_PLACE;       /* "the town of El Tambo" */
        else if (ctx == ENT_PLACE && weak && particle && !titled && !initials && !lead_particle)
            type = ENT_PLACE;       /* "a cannery in Vila do Conde" */
        else if (particle && !titled && !initials && !lead_particle && particle_after_two(L, doc, tk, a, b)) {
            /* "Central Unitaria de Trabajadores": two words before the
             * particle and no first name opening them: an institution */
            type = ENT_ORGANIZATION;
            sure = CF_GUESS;
        } else if (words == 2 && !titled && !initials && ctx != ENT_PERSON && spanish_article(doc, &tk[a])) {
            /* a Spanish article and one word names a newspaper or an
             * institution, not a person: "El Mercurio", "La Tercera"; or a
             * place its context calls one ("La Moneda, the palace") */
            type = ctx >= 0 ? (uint8_t)ctx : ENT_ORGANIZATION;
            sure = ctx >= 0 ? CF_SURE : CF_GUESS;
        } else if (org_appos && !titled && !initials)
            type = ENT_ORGANIZATION;    /* "Calloway Home, the furniture retailer," */
        else if (titled || particle || initials || g != GENDER_UNKNOWN)
            type = ENT_PERSON;
        else if (ctx >= 0)
            type = (uint8_t)ctx;
        else if (words == 2 && b + 1 < S->seg->tokens.len && geo_noun(S, b + 1) && end == tk[b].end)
            type = ENT_PLACE;   /* "the Bidi Bidi settlement", "the Kirya Hills district" */
        else {
            /* no evidence: a surname with its particle ("Ní Bhraonáin") may
             * still join a person; otherwise an organisation */
            type = lead_particle ? ENT_PERSON : ENT_ORGANIZATION;
            sure = CF_GUESS | CF_PERSONISH;
        }
        push_cand(S, a, b, end, type, sure | (type == ENT_PERSON ? CF_PERSONISH : 0), -1);
        return;
    }
    /* one word */
    if (titled) {
        push_cand(S, a, b, end, ENT_PERSON, CF_SURE | CF_PERSONISH, -1);
        return;
    }
    if ((tk[a].flags & TOKF_ALLCAPS) && (lead & W(PLACE))) {
        push_cand(S, a, b, end, ENT_PLACE, CF_SURE | CF_KNOWN, -1);
        return;
    }
    /* a nationality adjective in a compound: "Russian-speaking", "Chinese-made" */
    if (end < tk[b].end && doc->text[end] == '-' && (span_lists(S, a, end) & W(DEMONYM)))
        return;
    /* org_word and place_word hold for this word alone, and a lone title
     * returned above */
    if (org_word || place_word || (lead & (W(WEEKDAY) | W(MONTH))))
        return;
    uint16_t flags = CF_PERSONISH;
    if (ctx < 0 && has_inner_capital(doc, &tk[a]) && !(tk[a].flags & TOKF_ALLCAPS))
        ctx = ENT_ORGANIZATION;
    if (ctx < 0 && place_list_item(S, a, b))
        ctx = ENT_PLACE, weak = true;   /* "Flint, Benton Harbor and Hamtramck" */
    if (ctx < 0 && end + 5 <= tk[b].end && doc->text[end] == '-' &&
        ((tk[b].end - end == 6 && memcmp(doc->text + end, "-based", 6) == 0) ||
         (tk[b].end - end == 5 && memcmp(doc->text + end, "-born", 5) == 0)))
        ctx = ENT_PLACE;    /* "a Galway-based charity", "the Tromsø-born singer" */
    if (ctx < 0 && b + 1 < S->seg->tokens.len && geo_noun(S, b + 1))
        ctx = ENT_PLACE;    /* "the Bicol region", "Sorsogon province", "the Mayon volcano" */
    if (ctx < 0 && a == 0 && (tk[a].flags & TOKF_ALLCAPS) && end == tk[b].end && b + 2 < S->seg->tokens.len &&
        tok_is_char(doc, &tk[b + 1], ',') && is_cap(&tk[b + 2]) && (word_lists(S, b + 2) & W(PLACE)))
        ctx = ENT_PLACE;    /* a dateline: "KILKENNY, Ireland — ..." */
    if (at_sent_start && ctx < 0)
        flags |= 0;     /* may still be an alias */
    if (weak && ctx == ENT_PLACE)
        flags |= CF_GUESS;  /* "Shares in Rheinfeld fell": the alias of Rheinfeld Logistik wins */
    push_cand(S, a, b, end, ENT_TYPE_COUNT, flags, (int8_t)ctx);
}

/* A run starting at token i continues over "for" or "on" after an
 * institution's head word ("Ministry for Economic Affairs", "Commission on
 * Human Rights"): lexicon/institution_heads.txt. */
static bool for_head(const scan_t *S, size_t i)
{
    return (S->seg->tokens.items[i].flags & TOKF_UPPER) && (word_lists(S, i) & W(INST_HEAD));
}

/* Reads the capitalised run starting at token i; returns the index after it. */
#define NAME_MAX_TOKENS 16

/* Whether word token n repeats (ignoring case) a word of tokens a..n-1. */
static bool repeats_word(const doc_t *doc, const token_t *tk, size_t a, size_t n)
{
    if (!is_word(&tk[n]))
        return false;
    for (size_t j = a; j < n; j++)
        if (is_word(&tk[j]) && tok_len(&tk[j]) == tok_len(&tk[n]) &&
            strncasecmp(tok_str(doc, &tk[j]), tok_str(doc, &tk[n]), tok_len(&tk[n])) == 0)
            return true;
    return false;
}

/* A noun that may join the coordinated complement of an institution's name:
 * not a common word, another institution, a place, a known organisation or a
 * first name */
static bool coordinated_noun(const scan_t *S, size_t i)
{
    const token_t *t = &S->seg->tokens.items[i];
    return (t->flags & TOKF_SPACE_BEFORE) && !(t->flags & TOKF_ALLCAPS) &&   /* nor an acronym: "..., UNICEF and UNHCR" */
           !(word_lists(S, i) & (W(COMMON) | W(ORG_NOUN) | W(PLACE) | W(ORG))) &&
           !in_lex(S->doc, t, S->L->first_names);
}

/* Whether the lower-case word at token n may continue a capitalised run:
 * the rules of scan_run() that take one ask only about these words (a
 * particle, "al-Harthy", "of", "on", "for", "and", "plc"). */
static bool joins_run(const scan_t *S, size_t n)
{
    const doc_t *doc = S->doc;
    const token_t *t = &S->seg->tokens.items[n];
    switch (tok_len(t)) {
    case 2:
        if (tok_eq(doc, t, "of") || tok_eq(doc, t, "on"))
            return true;
        break;
    case 3:
        if (tok_eq(doc, t, "for") || tok_eq(doc, t, "and") || tok_eq(doc, t, "plc"))
            return true;
        break;
    }
    return article_surname(doc, t) || in_lex(doc, t, S->L->particles);
}

/* Initials written without spaces before a surname, after a role or a
 * title: "spinner A.P. Gunawardene", "Dr J.K. Mensah" (so not "U.S."
 * or "U.N." before a name of their own: the role or title before it
 * decides). The initial at a, its stop at n, then glued initials with
 * stops, then a spaced capitalised word that ends the name. */
static bool glued_initials(const scan_t *S, size_t a, size_t n, size_t send)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items;
    if (a == 0 || !is_initial(doc, &tk[a]) || !tok_is_char(doc, &tk[n], '.') || tk[n].start != tk[a].end)
        return false;
    size_t m = n;
    while (m + 2 < send && tk[m + 1].start == tk[m].end && is_initial(doc, &tk[m + 1]) &&
           tok_is_char(doc, &tk[m + 2], '.') && tk[m + 2].start == tk[m + 1].end && m < n + 6)
        m += 2;
    if (!(m > n && m + 1 < send && is_cap(&tk[m + 1]) && (tk[m + 1].flags & TOKF_SPACE_BEFORE)))
        return false;
    if (is_word(&tk[a - 1]) && (word_lists(S, a - 1) & (W(ROLE) | W(TITLE))))
        return !(m + 2 < send && is_cap(&tk[m + 2]));
    /* without a role or a title, initials no list names as a place or an
     * organisation ("U.S.", "U.N.") open a name that ends in an
     * organisation word: "the C.D. Howe Institute", "the A.J. Kerr Trust" */
    if (span_lists(S, a, tk[m].end) & (W(PLACE) | W(ORG)))
        return false;
    size_t e = m + 1;
    while (e + 1 < send && is_cap(&tk[e + 1]) && (tk[e + 1].flags & TOKF_SPACE_BEFORE) && e < m + 5)
        e++;
    return e > m + 1 && (word_lists(S, e) & W(ORG_WORD));
}

/* The last stop of initials glued with their stops that a list names as a
 * place or an organisation ("U.S.", "U.K.", "U.N."), when the run opens
 * with them at a; 0 when it does not. */
static size_t dotted_name(const scan_t *S, size_t a, size_t send)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items;
    size_t m = a;
    while (m + 1 < send && m < a + 6 && is_initial(doc, &tk[m]) && tok_is_char(doc, &tk[m + 1], '.') &&
           tk[m + 1].start == tk[m].end && (m == a || tk[m].start == tk[m - 1].end))
        m += 2;
    if (m < a + 4)
        return 0;   /* one initial: "J. Okoye" */
    return (span_lists(S, a, tk[m - 1].end) & (W(PLACE) | W(ORG))) ? m - 1 : 0;
}

static size_t scan_run(scan_t *S, size_t i, size_t send)
{
    const doc_t *doc = S->doc;
    const lexset_t *L = S->L;
    const token_t *tk = S->seg->tokens.items;
    size_t a = i, b = i, k = i;
    uint32_t end = tk[i].end;
    bool start = at_start(S, i);
    bool has_orgplace = false;
    bool in_of = false;     /* inside the "of"/"for" complement of an institution name */
    size_t legal = SIZE_MAX;    /* the first token of a legal form with stops ("S.A.") */
    /* no name is longer than this; it also bounds the work per run */
    enum { MAX_RUN_TOKENS = 24 };
    for (;;) {
        const token_t *t = &tk[k];
        b = k;
        end = t->end;
        if (k - a + 1 >= MAX_RUN_TOKENS) {
            k++;
            break;
        }
        if (!has_orgplace && (word_lists(S, k) & (W(ORG_WORD) | W(PLACE_WORD))))
            has_orgplace = true;
        size_t pos = possessive_len(doc, t);
        if (pos) {
            /* a saint's possessive inside a name: "St Aldhelm’s Hospital", "St.
             * Mary’s School" (the saint, then the place or organisation word) */
            if (k + 1 < send && k <= a + 2 && (tok_eq(doc, &tk[a], "St") || tok_eq(doc, &tk[a], "Saint")) &&
                is_cap(&tk[k + 1]) && (tk[k + 1].flags & TOKF_SPACE_BEFORE) &&
                (word_lists(S, k + 1) & (W(ORG_WORD) | W(PLACE_WORD)))) {
                k++;
                continue;
            }
            /* an office named after its holder: "Information Commissioner's
             * Office", "District Attorney's Office" (a title's possessive, then
             * an organisation word) */
            if (k + 1 < send && k > a && is_cap(&tk[k + 1]) && (tk[k + 1].flags & TOKF_SPACE_BEFORE) &&
                (word_lists(S, k + 1) & W(ORG_WORD)) &&
                lexicon_has(L->titles, tok_str(doc, t), tok_len(t) - pos)) {
                k++;
                continue;
            }
            end = t->end - (uint32_t)pos;
            k++;
            break;
        }
        size_t tail = lower_tail(doc, t);
        /* a Korean given name after a short surname keeps its lower-case
         * second syllable: "Park Ji-hoon", "Moon Jae-in" (not "York-based",
         * "Oslo-born") */
        if (tail && k > a && is_cap(&tk[k - 1]) && tok_len(&tk[k - 1]) <= 5 && tail <= 4 && tok_len(t) - tail - 1 >= 2 &&
            tok_len(t) - tail - 1 <= 5 && !(tok_str(doc, t)[tok_len(t) - 1] == 'd' && tok_str(doc, t)[tok_len(t) - 2] == 'e') &&
            !(tok_len(t) - tail - 1 == 4 && memcmp(tok_str(doc, t) + tail + 1, "born", 4) == 0))
            tail = 0;
        /* the same given name before the surname, Western order: "Hyun-woo
         * Park", "Ji-hoon Kim" (a short capitalised syllable, a lower-case
         * one, then a capitalised word that is no organisation word) */
        if (tail && tail <= 4 && tok_len(t) - tail - 1 >= 2 && tok_len(t) - tail - 1 <= 4 &&
            !(tok_str(doc, t)[tok_len(t) - 1] == 'd' && tok_str(doc, t)[tok_len(t) - 2] == 'e') &&
            k + 1 < send && is_cap(&tk[k + 1]) && (tk[k + 1].flags & TOKF_SPACE_BEFORE) &&
            !(tk[k + 1].flags & TOKF_ALLCAPS) && !(word_lists(S, k + 1) & (W(ORG_WORD) | W(COMMON))))
            tail = 0;
        if (tail) {
            end = t->start + (uint32_t)tail;
            k++;
            break;
        }
        size_t n = k + 1;
        /* "U.S.", "U.N.": one word, as "US" and "UN" are ("a U.S. study", "the
         * U.N. Office for …") */
        /* (before an organisation word it opens the name; before another
         * capitalised word, a title's or a place's, it is no name: "U.S.
         * District Judge", "U.S. Secretary of State") */
        if ((k == a || (k == a + 1 && closed_class(S, a))) && tok_len(t) == 1 && n < send &&
            tok_is_char(doc, &tk[n], '.')) {
            size_t m = dotted_name(S, k, send);
            bool cap = m && m + 1 < send && is_cap(&tk[m + 1]) && (tk[m + 1].flags & TOKF_SPACE_BEFORE);
            bool org = false;   /* "U.N. Security Council": an organisation word ends the words after */
            for (size_t q = m + 1; cap && !org && q < send && q < m + 5 && is_cap(&tk[q]); q++) {
                uint32_t ql = word_lists(S, q);
                if (ql & (W(TITLE) | W(ROLE)))
                    break;
                org = (ql & W(ORG_WORD)) != 0;
            }
            if (org) {
                k = m + 1;
                continue;
            }
            if (m && !cap) {
                end = tk[m].end;
                b = m;
                k = m + 1;
                break;
            }
        }
        if (n >= send)
            { k = n; break; }
        if (tk[n].kind == TOK_WORD && !(tk[n].flags & TOKF_UPPER) && !joins_run(S, n))
            { k = n; break; }   /* most runs end so */
        /* "Inc.", "Ltd.", "Co.": the stop belongs to the organisation word */
        if (tok_is_char(doc, &tk[n], '.') && tk[n].start == t->end &&
            lexicon_has(L->org_words, tok_str(doc, t), tok_len(t) + 1) &&
            !(n + 1 < send && is_cap(&tk[n + 1]) && (tk[n + 1].flags & TOKF_SPACE_BEFORE))) {
            end = tk[n].end;
            k = n + 1;
            break;
        }
        /* a legal form written with stops ends a company's name: "S.A.",
         * "N.V.", "S.p.A." (a short word, a glued stop and a glued word) */
        if (k > a && tok_len(t) <= 3 && tok_is_char(doc, &tk[n], '.') && tk[n].start == t->end &&
            n + 1 < send && tk[n + 1].start == tk[n].end && is_word(&tk[n + 1])) {
            size_t m = n + 1, hit = 0;
            while (m + 1 < send && m < n + 6 && tk[m + 1].start == tk[m].end) {
                m++;
                if (tok_is_char(doc, &tk[m], '.') && (span_lists(S, k, tk[m].end) & W(ORG_WORD)))
                    hit = m;
            }
            /* the Mexican "S.A. de C.V.", "S.A.B. de C.V." */
            if (hit && hit + 4 < send && tok_eq(doc, &tk[hit + 1], "de") && tok_len(&tk[hit + 2]) == 1 &&
                tk[hit + 3].start == tk[hit + 2].end && tk[hit + 4].start == tk[hit + 3].end) {
                size_t e2 = hit + 4;
                while (e2 + 1 < send && e2 < hit + 6 && tk[e2 + 1].start == tk[e2].end)
                    e2++;
                if (tok_is_char(doc, &tk[e2], '.') && (span_lists(S, hit + 2, tk[e2].end) & W(ORG_WORD)))
                    hit = e2;
            }
            if (hit) {
                legal = k;
                b = hit;
                end = tk[hit].end;
                k = hit + 1;
                break;
            }
        }
        /* A name is a few words: a run stops at a capitalised word it
         * already holds ("Kaja Kallas Kaja Kallas" is two names; a particle
         * may come back: "Bolsa de Valores de Colombia") and at NAME_MAX_TOKENS. */
        if (n - a >= NAME_MAX_TOKENS ||
            ((tk[n].flags & TOKF_UPPER) && repeats_word(doc, tk, a, n) &&
             /* (a reduplicated name is one: "Bidi Bidi", "Bora Bora", "Walla Walla") */
             !(k == a && n == a + 1 && (tk[n].flags & TOKF_SPACE_BEFORE) && tok_len(&tk[n]) == tok_len(t) &&
               memcmp(tok_str(doc, &tk[n]), tok_str(doc, t), tok_len(t)) == 0 &&
               !(n + 1 < send && is_cap(&tk[n + 1])))))
            { k = n; break; }
        /* an initial or an abbreviated title with its stop: "J. R. Okoye", "Dr. X" */
        if (tok_is_char(doc, &tk[n], '.') && tk[n].start == t->end &&
            (is_initial(doc, t) || (word_lists(S, k) & W(ABBR))) &&
            n + 1 < send && is_cap(&tk[n + 1]) && (tk[n + 1].flags & TOKF_SPACE_BEFORE)) {
            k = n + 1;
            continue;
        }
        if (tok_len(t) == 1 && tk[n].start == t->end && glued_initials(S, k, n, send)) {
            k = n + 1;      /* "A.P. Gunawardene": the next initial, glued */
            continue;
        }
        /* a first name before a nickname in quotes and the surname ("from
         * Jesús “El Tanque” Villarreal", "Dwayne "Big D" Holloway"): the
         * person is named after the nickname; the first name alone is no
         * name of its own (nor a place after "from") */
        if (k == a && (tk[n].flags & TOKF_QUOTE_MARK) && (tk[n].flags & TOKF_SPACE_BEFORE) &&
            first_name_gender(L, tok_str(doc, t), tok_len(t)) != GENDER_UNKNOWN) {
            size_t q = n + 1;
            while (q < send && q < n + 4 && is_cap(&tk[q]))
                q++;
            if (q > n + 1 && q + 1 < send && (tk[q].flags & TOKF_QUOTE_MARK) && is_cap(&tk[q + 1]) &&
                (tk[q + 1].flags & TOKF_SPACE_BEFORE) && !(tk[q + 1].flags & TOKF_IN_QUOTE))
                return n;
        }
        /* a plural possessive inside a name: "Nurses’ Union" */
        if (tk[n].kind == TOK_PUNCT && tk[n].start == t->end && !(tk[n].flags & TOKF_QUOTE_MARK) &&
            (tok_is_char(doc, &tk[n], '\'') || (tok_len(&tk[n]) == 3 && memcmp(tok_str(doc, &tk[n]), "\xE2\x80\x99", 3) == 0)) &&
            doc->text[t->end - 1] == 's' && n + 1 < send && is_cap(&tk[n + 1]) &&
            !(span_lists(S, a + (k > a && closed_class(S, a)), t->end) & W(PLACE)) &&
            !(word_lists(S, k) & W(ORG_WORD))) {
            /* nor an organisation's: "the Rovers’ Kingsway Park" */
            /* not a place's: "The United States’ Inflation Reduction Act" */
            k = n + 1;
            continue;
        }
        /* a capitalised function word ends a name: "Strike Across Portugal" */
        if (is_cap(&tk[n]) && (tk[n].flags & TOKF_SPACE_BEFORE) && !(tk[n].flags & TOKF_IN_QUOTE) == !(t->flags & TOKF_IN_QUOTE) &&
            !(tok_len(&tk[n]) <= 7 && closed_class(S, n))) {
            k = n;
            continue;
        }
        /* particles before a capitalised word: "van der Berg", "Praça do Comércio" */
        size_t p = n;
        while (p < send && is_word(&tk[p]) && !(tk[p].flags & TOKF_UPPER) && in_lex(doc, &tk[p], L->particles))
            p++;
        if (p > n && p < send && is_cap(&tk[p])) {
            k = p;
            continue;
        }
        if (article_surname(doc, &tk[n]) && (tk[n].flags & TOKF_SPACE_BEFORE)) {
            k = n;      /* "Khalid bin Saif al-Harthy" */
            continue;
        }
        /* "Calder & Wharfe Engineering", "Procter & Gamble" */
        if (tok_is_char(doc, &tk[n], '&') && n + 1 < send && is_cap(&tk[n + 1])) {
            k = n + 1;
            continue;
        }
        /* "of" inside an organisation or place name: "Ministry of Health";
         * "for" after an institution's head: "Office for National Statistics" */
        bool on = tok_eq(doc, &tk[n], "on");     /* "Commission on Human Rights" */
        if (((has_orgplace || in_of) && tok_eq(doc, &tk[n], "of")) ||     /* "Command for the Protection of ..." */
            ((on || tok_eq(doc, &tk[n], "for")) && for_head(S, k)) ||
            (on && in_of)) {       /* "Agency for Research on Cancer" */
            p = n + 1;
            if (p < send && tok_eq(doc, &tk[p], "the"))
                p++;
            if (p < send && is_cap(&tk[p]) && !(word_lists(S, p) & W(COMMON)) &&
                !(on && (word_lists(S, p) & (W(WEEKDAY) | W(MONTH))))) {
                k = p;
                in_of = true;
                continue;
            }
        }
        /* "of" inside a known name without such a word, and "and" inside
         * any known name: "House of Representatives", "Bosnia and
         * Herzegovina" (the name's next one or two words) */
        if ((tok_eq(doc, &tk[n], "and") || (!has_orgplace && tok_eq(doc, &tk[n], "of"))) && n + 1 < send &&
            is_cap(&tk[n + 1])) {
            size_t from = a + (k > a && closed_class(S, a));
            size_t q = n + 1;
            if (!(span_lists(S, from, tk[q].end) & (W(ORG) | W(PLACE))) && q + 1 < send && is_cap(&tk[q + 1]) &&
                (span_lists(S, from, tk[q + 1].end) & (W(ORG) | W(PLACE))))
                q++;
            if (span_lists(S, from, tk[q].end) & (W(ORG) | W(PLACE))) {
                k = q;
                continue;
            }
        }
        /* a comma before one more noun and the "and": "Ministry of Trade,
         * Industry and Energy", "Ministry of Health, Labour and Welfare" */
        if (in_of && tok_is_char(doc, &tk[n], ',') && n + 3 < send && is_cap(&tk[n + 1]) &&
            tok_eq(doc, &tk[n + 2], "and") && is_cap(&tk[n + 3]) && coordinated_noun(S, n + 1) &&
            coordinated_noun(S, n + 3)) {
            in_of = false;
            k = n + 3;
            continue;
        }
        /* the same with a serial comma, US style, and a noun of two words:
         * "Department of Environment, Great Lakes, and Energy", "Department
         * of Health, Education, and Welfare" */
        if (in_of && tok_is_char(doc, &tk[n], ',')) {
            size_t q = n + 1;
            while (q < send && q < n + 3 && is_cap(&tk[q]) && coordinated_noun(S, q))
                q++;
            if (q > n + 1 && q + 2 < send && tok_is_char(doc, &tk[q], ',') && tok_eq(doc, &tk[q + 1], "and") &&
                is_cap(&tk[q + 2]) && coordinated_noun(S, q + 2)) {
                in_of = false;
                k = q + 2;
                continue;
            }
        }
        /* "and" inside that complement coordinates its nouns, once: "Ministry of
         * Electronics and Information Technology", "Department of Health and Social
         * Care"; not before a second institution, a place or a person ("the Ministry
         * of Health and Department of Labour", "... and Kenya", "... and Maria Silva") */
        if (in_of && tok_eq(doc, &tk[n], "and") && n + 1 < send && is_cap(&tk[n + 1]) &&
            (tk[n + 1].flags & TOKF_SPACE_BEFORE) &&
            !(word_lists(S, n + 1) & (W(COMMON) | W(ORG_NOUN) | W(PLACE) | W(ORG))) &&    /* (nor a known one: "... and Labour") */
            !in_lex(doc, &tk[n + 1], L->first_names) && !possessive_len(doc, &tk[n + 1])) {
            /* (not an owner: "... Studies and Dubai's Gulf Research Center") */
            in_of = false;
            k = n + 1;
            continue;
        }
        /* "and" between the nouns of one institution's name: "Food and Drug
         * Administration", "Engineering and Physical Sciences Research Council"
         * (one word before it, no place or first name; the capitalised words
         * after it end in an organisation word; a sentence's "The" or a
         * place or a nationality may open the run: "The Health and Safety
         * Executive", "US Food and Drug Administration", "Irish Farmers and
         * Growers Association") */
        bool lead_ok = k == a;      /* nothing, or "The", "US", "The US" before the noun */
        for (size_t q = a; !lead_ok && k <= a + 2 && q < k; q++) {
            uint32_t ql = is_word(&tk[q]) ? word_lists(S, q) : 0;
            /* (a nationality only before a noun that names no institution
             * itself: not "Hungarian Radio and Meridian Television") */
            if (!(ql & (W(COMMON) | W(PLACE) | W(DEMONYM))) ||
                (!(ql & (W(COMMON) | W(PLACE))) && (word_lists(S, k) & W(ORG_WORD))))
                break;
            lead_ok = q + 1 == k;
        }
        if (lead_ok && tok_eq(doc, &tk[n], "and") && n + 1 < send && is_cap(&tk[n + 1]) &&
            !(tk[n + 1].flags & TOKF_ALLCAPS) && !(word_lists(S, k) & W(PLACE)) &&
            first_name_gender(L, tok_str(doc, t), tok_len(t)) == GENDER_UNKNOWN) {
            p = n + 1;
            while (p + 1 < send && p < n + 6 && is_cap(&tk[p + 1]) && (tk[p + 1].flags & TOKF_SPACE_BEFORE))
                p++;
            /* (the last word may carry a possessive or its stop: "...
             * Administration's", "Pacific Gas and Electric Co.") */
            if (p > n + 1 && (lexicon_has(L->org_words, tok_str(doc, &tk[p]), tok_len(&tk[p]) - possessive_len(doc, &tk[p])) ||
                              (p + 1 < send && tok_is_char(doc, &tk[p + 1], '.') && tk[p + 1].start == tk[p].end &&
                               lexicon_has(L->org_words, tok_str(doc, &tk[p]), tok_len(&tk[p]) + 1)))) {
                k = n + 1;
                continue;
            }
        }
        /* a company's legal form written in lower case ends its name:
         * "Nordstrand Shipping plc" */
        if (tok_len(&tk[n]) == 3 && !(tk[n].flags & TOKF_UPPER) && tok_eq(doc, &tk[n], "plc")) {
            b = n;
            end = tk[n].end;
            k = n + 1;
            break;
        }
        k = n;
        break;
    }
    /* a bill or an act whose title holds a parenthesised part is one title,
     * no entity: "Water Industry (Special Measures) Bill", "Children
     * (Scotland) Act" (capitalised words in the brackets, then the law's word) */
    if (k + 2 < send && tok_is_char(doc, &tk[k], '(') && is_cap(&tk[k + 1])) {
        size_t m = k + 1;
        while (m < send && m < k + 8 && is_cap(&tk[m]))
            m++;
        if (m + 1 < send && tok_is_char(doc, &tk[m], ')') && is_cap(&tk[m + 1])) {
            const char *v = lexicon_value(L->org_words, tok_str(doc, &tk[m + 1]), tok_len(&tk[m + 1]));
            if ((v && strcmp(v, "document") == 0) || tok_eq(doc, &tk[m + 1], "Bill"))
                return m + 2;
        }
    }
    /* a treaty or a law is no entity, nor its acronym: "Indus Waters Treaty",
     * "Inflation Reduction Act (IRA)", "Treaty of Rome" */
    if (b > a && is_word(&tk[b])) {
        const char *v = lexicon_value(L->org_words, tok_str(doc, &tk[b]), end - tk[b].start);
        size_t f = a + (closed_class(S, a) && a + 1 < b);
        const char *v1 = tok_eq(doc, &tk[f + 1], "of") ? lexicon_value(L->org_words, tok_str(doc, &tk[f]), tok_len(&tk[f])) : NULL;
        /* (a bill, too, though "Bill" is no organisation word, being a first
         * name: "Housing Supply Bill") */
        if ((v && strcmp(v, "document") == 0) || (v1 && strcmp(v1, "document") == 0) ||
            (tok_eq(doc, &tk[b], "Bill") && end == tk[b].end && !(word_lists(S, b - 1) & W(TITLE)))) {
            if (k + 2 < send && tok_is_char(doc, &tk[k], '(') && (tk[k + 1].flags & TOKF_ALLCAPS) &&
                tok_is_char(doc, &tk[k + 2], ')'))
                k += 3;
            return k > i ? k : i + 1;
        }
    }
    if (legal != SIZE_MAX && !in_title_quote(S, tk[a].start)) {
        size_t f = a;   /* without a sentence's "The" */
        if (closed_class(S, f) && f + 1 < legal)
            f++;
        push_cand(S, f, b, end, ENT_ORGANIZATION, CF_SURE, -1);
        vec_last(S->out).last_start = tk[legal].start;
    } else if (!in_title_quote(S, tk[a].start))
        classify(S, a, b, end, false, start);
    /* an acronym defined in parentheses: "Alpine Freshwater Institute (AFI)"
     * (not a dateline's agency: "MEXICO CITY (AP)", a name in capitals) */
    if (k + 2 < send && tok_is_char(doc, &tk[k], '(') && (tk[k + 1].flags & TOKF_ALLCAPS) &&
        tok_is_char(doc, &tk[k + 2], ')') && S->out->len > 0 && !(tk[a].flags & TOKF_ALLCAPS) &&
        vec_last(S->out).span.end == end && vec_last(S->out).ntok >= 2) {
        cand_t *def = &vec_last(S->out);
        if (def->type == ENT_TYPE_COUNT || def->type == ENT_PERSON)
            def->type = ENT_ORGANIZATION;
        def->flags = (uint8_t)((def->flags | CF_SURE) & ~CF_GUESS);
        push_cand(S, k + 1, k + 1, tk[k + 1].end, def->type, CF_SURE | CF_ACRONYM, -1);
        k += 3;
    }
    return k > i ? k : i + 1;
}

typedef VEC(span_t) spans_t;

/* The first of tokens lo..hi-1 of seg that starts at pos or after (hi if
 * none): a binary search, as tokens are in text order. */
static size_t token_from(const segment_t *seg, size_t lo, size_t hi, uint32_t pos)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (seg->tokens.items[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Quotes of the paragraph whose words are mostly capitalised: titles of works. */
static void find_title_quotes(const doc_t *doc, span_t para, const segment_t *seg,
                              const lexset_t *L, spans_t *out)
{
    out->len = 0;
    size_t lo = seg->qfirst;
    size_t t = 0;
    for (size_t q = lo; q < doc->quotes.len && doc->quotes.items[q].open_mark.start < para.end; q++) {
        span_t s = doc->quotes.items[q].span;
        t = token_from(seg, t, seg->tokens.len, s.start);
        enum { MAX_WORDS = 40, MAX_TOKENS = 120 };
        /* a title has two capitalised words at least (3 of 4 words, words >= 2):
         * most quotes have one, and need no look-ups */
        unsigned ncaps = 0;     /* in reach of the count below */
        size_t reach = seg->tokens.len < t + MAX_TOKENS ? seg->tokens.len : t + MAX_TOKENS;
        for (size_t k = t; k < reach && seg->tokens.items[k].end <= s.end; k++)
            ncaps += is_cap(&seg->tokens.items[k]);
        if (ncaps < 2)
            continue;
        unsigned words = 0, caps = 0;
        for (size_t k = t; k < reach && seg->tokens.items[k].end <= s.end && words < MAX_WORDS; k++) {
            const token_t *w = &seg->tokens.items[k];
            if (!is_word(w) || (!(w->flags & TOKF_UPPER) && in_lex(doc, w, L->common)))
                continue;
            words++;
            caps += (w->flags & TOKF_UPPER) != 0;
            /* a title needs caps >= 3 * lower-case words: stop once even the
             * words still allowed, all capitalised, could not get there, nor
             * all the capitalised words in reach (a quote of prose with a
             * name or two: after its first such lower-case word) */
            unsigned most = caps + (MAX_WORDS - words);
            if ((most < ncaps ? most : ncaps) < 3 * (words - caps))
                break;
        }
        /* (a lower-case word and a stop or comma inside the closing mark make
         * a sentence, speech: "Shoppers in Schaumburg and Orland Park are
         * angry,") */
        if (words >= 2 && caps * 4 >= words * 3 &&
            !(caps < words && s.end > s.start && doc->text[s.end - 1] && strchr(",.!?", doc->text[s.end - 1])))
            vec_push(out, s);
    }
}

/* Pronoun votes: the first he/she after a person-like candidate, in its
 * sentence or the next, when that sentence has no other such candidate. */
static void pronoun_votes(const doc_t *doc, const segment_t *seg, cands_t *cands, size_t from)
{
    size_t ci = from;
    for (size_t s = 0; s < seg->sentences.len; s++) {
        const sentence_t *st = &seg->sentences.items[s];
        uint32_t a = seg->tokens.items[st->first].start;
        uint32_t b = seg->tokens.items[st->first + st->count - 1].end;
        size_t first = ci, npers = 0;
        while (ci < cands->len && cands->items[ci].span.start < b) {
            if (cands->items[ci].flags & CF_PERSONISH && cands->items[ci].span.start >= a)
                npers++;
            ci++;
        }
        if (npers != 1)
            continue;
        size_t who = first;
        while (!(cands->items[who].flags & CF_PERSONISH))
            who++;
        /* look in this sentence after the name, then in the next one */
        size_t end_tok = st->first + st->count;
        if (s + 1 < seg->sentences.len)
            end_tok += seg->sentences.items[s + 1].count;
        /* (not a pronoun inside an apposition to the name, the subject of a
         * relative clause about a thing: "Maré Baixa, a record she made") */
        bool appos = false;
        if (end_tok > seg->tokens.len)
            end_tok = seg->tokens.len;
        for (size_t k = token_from(seg, st->first, end_tok, cands->items[who].span.end); k < end_tok; k++) {
            const token_t *t = &seg->tokens.items[k];
            if (t->flags & TOKF_IN_QUOTE)
                continue;
            if (t->kind == TOK_PUNCT) {
                appos = t->start == cands->items[who].span.end && tok_is_char(doc, t, ',') &&
                        k + 1 < seg->tokens.len && (tok_eq(doc, &seg->tokens.items[k + 1], "a") ||
                                                    tok_eq(doc, &seg->tokens.items[k + 1], "an"));
                continue;
            }
            if (appos && (tok_eq(doc, t, "she") || tok_eq(doc, t, "he")))
                break;
            if (is_cap(t) && !(t->flags & TOKF_SENT_START) && !tok_eq(doc, t, "he") && !tok_eq(doc, t, "she"))
                break;      /* another name: not a sole candidate any more */
            if (tok_eq(doc, t, "she")) {
                cands->items[who].pron = GENDER_FEMALE;
                break;
            }
            if (tok_eq(doc, t, "he")) {
                cands->items[who].pron = GENDER_MALE;
                break;
            }
        }
    }
}

/* Whether the lower-case word at token i opens a name: a surname glued to
 * the Arabic article ("al-Harthy"), or particles before a capitalised word
 * ("de la Roche", "van der Berg"; the two are told apart by length). */
static bool lower_opens_run(const scan_t *S, size_t i, size_t send)
{
    const doc_t *doc = S->doc;
    const token_t *tk = S->seg->tokens.items;
    if (tok_len(&tk[i]) > 4)
        return article_surname(doc, &tk[i]);
    if (i + 1 >= send || (tk[i].flags & TOKF_SENT_START) ||
        !(is_cap(&tk[i + 1]) || (is_word(&tk[i + 1]) && i + 2 < send && is_cap(&tk[i + 2]))) ||
        !in_lex(doc, &tk[i], S->L->particles))
        return false;
    /* a lower-case particle only opens a run before a capitalised word */
    size_t p = i;
    while (p < send && is_word(&tk[p]) && !(tk[p].flags & TOKF_UPPER) && in_lex(doc, &tk[p], S->L->particles))
        p++;
    if (p >= send || !is_cap(&tk[p]))
        return false;
    /* (a speech verb may go before it: "said de la Roche") */
    return !(i > 0 && is_word(&tk[i - 1]) && !(tk[i - 1].flags & TOKF_UPPER) &&
             !(word_lists(S, i - 1) & (W(COMMON) | W(ROLE))) && !in_lex(doc, &tk[i - 1], S->L->speech_verbs));
}

/* From token i on, the first token that is no lower-case word (*ask false),
 * or a lower-case word that lower_opens_run() must be asked about (*ask
 * true): one with a hyphen after two letters ("al-Harthy"), or a short one
 * before a capitalised word within two tokens (a particle's). A tight loop
 * over most tokens, without the lexicon; as the words it passes are
 * lower-case, only the last one or two of them can be such a short word,
 * asked about where it stops. */
static inline size_t lower_words_end(const doc_t *doc, const token_t *tk, size_t i, size_t send, bool *ask)
{
    size_t from = i;
    *ask = true;
    for (; i < send; i++) {
        if (tk[i].kind != TOK_WORD || (tk[i].flags & TOKF_UPPER)) {
            bool cap = tk[i].kind == TOK_WORD;
            if (i - from >= 2 && cap && tok_len(&tk[i - 2]) <= 4)
                return i - 2;
            if (i - from >= 1 && (cap || (i + 1 < send && is_cap(&tk[i + 1]))) && tok_len(&tk[i - 1]) <= 4)
                return i - 1;
            break;
        }
        if (tok_len(&tk[i]) > 4 && doc->text[tk[i].start + 2] == '-') {
            /* (a lower-case word: only the one before it may be short
             * before a capital) */
            if (i - from >= 1 && i + 1 < send && is_cap(&tk[i + 1]) && tok_len(&tk[i - 1]) <= 4)
                return i - 1;
            return i;
        }
    }
    *ask = false;
    return i;
}

/* Whether token i is the commonest capitalised word, a sentence's "The",
 * "He" or "But" (or a nationality adjective: "European allies") before a
 * lower-case word, which starts nothing: no date (no weekday, month or stop
 * after it), and a run of its own (the next word joins none) of a common
 * word or an adjective, which classify() drops, as it is no place or
 * organisation nor an acronym (no possessive or hyphen changes the word it
 * looks up). A third of the runs in news: they skip the date and run rules
 * that would say so. */
static bool lone_common_word(const scan_t *S, size_t i, size_t send)
{
    const token_t *tk = S->seg->tokens.items, *t = &tk[i];
    if (t->kind != TOK_WORD || (t->flags & TOKF_ALLCAPS) || i + 1 >= send ||
        tk[i + 1].kind != TOK_WORD || (tk[i + 1].flags & TOKF_UPPER))
        return false;
    uint32_t lists = word_lists(S, i);
    return (lists & (W(COMMON) | W(DEMONYM))) && !(lists & (W(WEEKDAY) | W(MONTH) | W(PLACE) | W(ORG))) &&
           !joins_run(S, i + 1) && !possessive_len(S->doc, t) && !memchr(tok_str(S->doc, t), '-', tok_len(t));
}

/* Token i is the S of "U.S." or the K of "U.K.": no name starts inside. */
static bool after_initial(const scan_t *S, size_t i)
{
    const token_t *tk = S->seg->tokens.items;
    return i >= 2 && tk[i - 1].end == tk[i].start && tok_is_char(S->doc, &tk[i - 1], '.') &&
           tk[i - 2].end == tk[i - 1].start && is_initial(S->doc, &tk[i - 2]);
}

/* Whether seg is a headline in title case ("Nurses Strike Over Pay"): three
 * in four of its first 200 words outside quotes capitalised, of which it has
 * caps at most. The count stops once the lower-case words rule that out,
 * even were all tokens left capitalised words (about halfway through a
 * paragraph of prose), or all capitalised words outside quotes in the
 * first 200 (after a few words of prose). The quotes' tokens are skipped by
 * their runs. */
static bool title_case_headline(const segment_t *seg, size_t caps)
{
    const token_t *tk = seg->tokens.items;
    const uint32_t *quoted = seg->quoted.items;     /* (first, end) pairs */
    size_t n = seg->tokens.len, nq = seg->quoted.len / 2, words = 0, lower = 0;
    for (size_t q = 0, i = 0;; i = quoted[2 * q + 1], q++) {
        for (size_t gap = q < nq ? quoted[2 * q] : n; i < gap; i++) {
            if (!is_word(&tk[i]))
                continue;
            words++;
            lower += !(tk[i].flags & TOKF_UPPER);
            if (lower * 4 > words + (n - i - 1) || lower * 3 > caps)
                return false;
            if (words == 200)
                return lower * 4 <= words;
        }
        if (q == nq)
            return words >= 4 && lower * 4 <= words;
    }
}

static void scan_paragraph(const doc_t *doc, span_t para, segment_t *seg, const lexset_t *L,
                           cands_t *cands, spans_t *titles, lists_t *lists, seg_cache_t *cache)
{
    segment_paragraph(doc, para, seg);
    if (cache)
        segment_record(cache, seg);
    find_title_quotes(doc, para, seg, L, titles);
    vec_reserve(lists, seg->tokens.len + 1);    /* (+ 1: never a NULL for memset()) */
    memset(lists->items, 0xFF, seg->tokens.len * sizeof *lists->items);     /* LISTS_UNKNOWN */
    scan_t S = {doc, seg, L, cands, titles->items, titles->len, lists->items};
    size_t from = cands->len;
    const token_t *tk = seg->tokens.items;
    size_t plain = 0;   /* tokens passed over as punctuation or lower-case words */
    for (size_t s = 0; s < seg->sentences.len; s++) {
        size_t i = seg->sentences.items[s].first;
        size_t send = i + seg->sentences.items[s].count;
        while (i < send) {
            const token_t *t = &tk[i];
            if (t->kind == TOK_PUNCT) {
                /* punctuation starts nothing but a decade: "’90s" */
                if (decade_at(doc, seg, i)) {
                    push_cand(&S, i, i + 1, tk[i + 1].end, ENT_DATE, CF_SURE, -1);
                    i += 2;
                } else {
                    i++;
                    plain++;
                }
                continue;
            }
            if (t->kind == TOK_WORD && !(t->flags & TOKF_UPPER)) {
                /* lower-case words, most tokens: they rarely open a name */
                bool ask;
                size_t e = lower_words_end(doc, tk, i, send, &ask);
                plain += e - i;
                i = e;
                if (ask)
                    i = lower_opens_run(&S, i, send) && !after_initial(&S, i) ? scan_run(&S, i, send) : i + 1;
                continue;
            }
            if (lone_common_word(&S, i, send)) {
                i++;
                continue;
            }
            /* a number or a capitalised word: a date, or else (a word) a name */
            size_t j = date_at(&S, i);
            /* a sentence's "On", "By", "The" before a date: "On Sept. 30 ..." */
            if (j == i && i + 1 < send && is_cap(t) && (tk[i + 1].kind == TOK_NUMBER || is_cap(&tk[i + 1])) &&
                closed_class(&S, i) && date_at(&S, i + 1) > i + 1) {
                i++;
                continue;
            }
            if (j > i) {
                if (j > send)
                    j = send;
                push_cand(&S, i, j - 1, tk[j - 1].end, ENT_DATE, CF_SURE, -1);
                i = j;
                continue;
            }
            i = t->kind == TOK_WORD && !after_initial(&S, i) ? scan_run(&S, i, send) : i + 1;
        }
    }
    pronoun_votes(doc, seg, cands, from);
    /* a headline in title case capitalises every word: only names that are
     * sure by themselves count there. Asked only when some candidate would
     * go (an acronym's long form is sure and typed: it stays just before
     * it); the paragraph has at most the tokens that the scan did not pass
     * over as punctuation or lower-case words capitalised. */
    size_t o = from;
    while (o < cands->len && !(cands->items[o].flags & CF_GUESS) && cands->items[o].type != ENT_TYPE_COUNT)
        o++;
    if (o == cands->len)
        return;
    if (title_case_headline(seg, seg->tokens.len - plain)) {
        for (size_t i = o; i < cands->len; i++)
            if (!(cands->items[i].flags & CF_GUESS) && cands->items[i].type != ENT_TYPE_COUNT)
                cands->items[o++] = cands->items[i];
        cands->len = o;
    }
}

/* Whether the last word of candidate c has the value "club" in lex. */
static bool last_word_club(const doc_t *doc, const lexicon_t *lex, const cand_t *c)
{
    const char *v = lexicon_value(lex, doc->text + c->last_start, c->span.end - c->last_start);
    return v && strcmp(v, "club") == 0;
}

/* A sports report names clubs after their towns: once one name ends in a
 * word that only a club's name ends in ("Dorchester Rovers", "Leeds United";
 * lexicon/org_words.txt), a PLACE City or PLACE Town that the gazetteer does
 * not know as a place is a club ("Bristol City", "Wessex Town"), not a city.
 * Whether cands[from..] have such a name: asked of each paragraph's
 * candidates while they are at hand, so that cluster() fixes the types in
 * its first pass instead of two passes of their own over every candidate. */
static bool names_club(const doc_t *doc, const lexset_t *L, const cands_t *cands, size_t from)
{
    for (size_t i = from; i < cands->len; i++) {
        const cand_t *c = &cands->items[i];
        if (c->ntok >= 2 && c->type == ENT_ORGANIZATION && last_word_club(doc, L->org_words, c))
            return true;
    }
    return false;
}

/* A candidate that is a club after its town, once names_club() said so. */
static bool club_after_place(const doc_t *doc, const lexset_t *L, const cand_t *c)
{
    return c->type == ENT_PLACE && c->ntok >= 2 && !(c->flags & CF_KNOWN) &&
           last_word_club(doc, L->place_words, c);
}

/* ---- clustering ------------------------------------------------------------- */

typedef struct {
    span_t best;            /* the fullest mention */
    uint8_t best_ntok;
    uint8_t type;
    int32_t out;            /* index in doc->entities once it has a mention */
    uint32_t last_pos;      /* end of its latest mention, while resolving */
    int fem, masc;          /* pronoun votes */
    uint32_t keylen;        /* length of its key (cand_key) */
    bool guess;             /* an organisation only by default (CF_GUESS) */
    cand_t maker;           /* the candidate that made it in pass 1 of cluster() */
} ient_t;

typedef VEC(ient_t) ients_t;

/* The entity keyed by the n bytes at s, made with type when there is none;
 * *exact, when asked, says whether the key is these very bytes (keys ignore
 * ASCII case). */
static int32_t entity_for_key(ients_t *E, strmap_t *keys, const char *s, size_t n, uint8_t type,
                              bool *exact)
{
    slot_t *sl = strmap_add(keys, s, n);
    if (sl->v < 0) {
        vec_push(E, (ient_t){.type = type, .out = -1, .keylen = (uint32_t)n});
        sl->v = (int32_t)(E->len - 1);
    }
    if (exact)
        *exact = memcmp(strmap_key(keys, sl), s, n) == 0;
    return sl->v;
}

/* Whether candidates a and b, whose texts are the same bytes, register the
 * same aliases: all else that register_aliases() reads of them is alike. */
static bool same_aliases(const cand_t *a, const cand_t *b)
{
    uint32_t as = a->span.start, bs = b->span.start;
    return a->type == b->type && a->ntok == b->ntok && !((a->flags | b->flags) & CF_LONG_NAME) &&
           a->first_end - as == b->first_end - bs && a->last_start - as == b->last_start - bs &&
           (a->suffix_start ? a->suffix_start - as : 0) == (b->suffix_start ? b->suffix_start - bs : 0);
}

static void add_alias(strmap_t *aliases, const char *s, size_t n, int32_t e)
{
    if (n == 0)
        return;
    slot_t *sl = strmap_add(aliases, s, n);
    if (sl->v < 0 || sl->v == e)
        sl->v = e;
    else if (sl->v2 < 0 || sl->v2 == e)
        sl->v2 = e;
}

/* A word of an organisation name that can stand for it alone ("Nordvik"). */
static bool distinctive(const lexset_t *L, const char *s, size_t n)
{
    return n > 2 && !(lexicon_lists(L->words, s, n) &
                      (W(ORG_WORD) | W(COMMON) | W(PLACE) | W(DEMONYM) | W(TITLE) | W(PARTICLE) |
                       W(PLACE_WORD) | W(WEEKDAY) | W(MONTH)));
}

static void register_aliases(const doc_t *doc, const lexset_t *L, const cand_t *c, int32_t e,
                             strmap_t *aliases)
{
    const char *t = doc->text;
    if (c->ntok < 2)
        return;
    if (c->type == ENT_PERSON) {
        add_alias(aliases, t + c->last_start, c->span.end - c->last_start, e);
        if (c->suffix_start)
            add_alias(aliases, t + c->suffix_start, c->span.end - c->suffix_start, e);
        /* a name of three words or more without its first name: "Te Rangi"
         * of "Aroha Te Rangi", "Ben Saïd" of "Karim Ben Saïd" */
        if (c->ntok >= 3) {
            uint32_t p = c->first_end;
            while (p < c->span.end && (t[p] == ' ' || t[p] == '\n' || t[p] == '.'))
                p++;
            if (p < c->last_start)
                add_alias(aliases, t + p, c->span.end - p, e);
            /* a Spanish or Portuguese name's first surname stands for it
             * alone: "Echeverría" of "Tomás Echeverría Lagos" (a middle word
             * that is no first name, initial or particle) */
            const char *q = memchr(t + p, ' ', c->span.end - p);
            size_t wl = q ? (size_t)(q - (t + p)) : 0;
            if (c->ntok == 3 && q && t + p + wl + 1 == t + c->last_start && wl >= 3 &&
                (unsigned char)(t[p] - 'A') < 26 && !lexicon_has(L->first_names, t + p, wl) &&
                !lexicon_has(L->particles, t + p, wl))
                add_alias(aliases, t + p, wl, e);
            /* two given names and two surnames: "López Obrador" and "López"
             * of "Andrés Manuel López Obrador" (the second word a first
             * name, the third none) */
            if (c->ntok == 4 && q && wl >= 2 && lexicon_has(L->first_names, t + p, wl)) {
                const char *r = t + p + wl + 1;
                const char *q2 = memchr(r, ' ', (size_t)(t + c->span.end - r));
                size_t wl2 = q2 ? (size_t)(q2 - r) : 0;
                if (q2 && q2 + 1 == t + c->last_start && wl2 >= 3 && (unsigned char)(r[0] - 'A') < 26 &&
                    !lexicon_has(L->first_names, r, wl2) && !lexicon_has(L->particles, r, wl2)) {
                    add_alias(aliases, r, (size_t)(t + c->span.end - r), e);
                    add_alias(aliases, r, wl2, e);
                }
            }
        }
        /* a first surname with its particle before a second surname: "de
         * la Cruz" of "María José de la Cruz Pérez" */
        if (c->ntok >= 4) {
            const char *p = t + c->first_end, *end = t + c->last_start;
            while (p < end) {
                while (p < end && *p == ' ')
                    p++;
                const char *w = p;
                while (p < end && *p != ' ')
                    p++;
                if (p > w && (unsigned char)(*w - 'a') < 26 && lexicon_has(L->particles, w, (size_t)(p - w))) {
                    const char *q = p;  /* more particles, then one word before the last */
                    for (;;) {
                        while (q < end && *q == ' ')
                            q++;
                        const char *w2 = q;
                        while (q < end && *q != ' ')
                            q++;
                        if (q > w2 && (unsigned char)(*w2 - 'a') < 26 && lexicon_has(L->particles, w2, (size_t)(q - w2)))
                            continue;
                        if (q > w2 && q < end && (unsigned char)(*w2 - 'A') < 26)
                            add_alias(aliases, w, (size_t)(q - w), e);
                        break;
                    }
                    break;
                }
            }
        }
        size_t fl = c->first_end - c->span.start;
        ucs4_t uc;
        if (u8_mbtouc(&uc, (const uint8_t *)t + c->span.start, fl) != (int)fl)
            add_alias(aliases, t + c->span.start, fl, e);
    } else if (c->type == ENT_PLACE && c->ntok == 2) {
        /* "River Aire" -> "the Aire", "Lake Geneva" stays with its words */
        const char *w1 = t + c->span.start, *w2 = t + c->last_start;
        size_t n1 = c->first_end - c->span.start, n2 = c->span.end - c->last_start;
        if (lexicon_has(L->place_words, w1, n1) && distinctive(L, w2, n2))
            add_alias(aliases, w2, n2, e);
    } else if (c->type == ENT_ORGANIZATION) {
        /* each distinctive word of the name, but none after "of": that
         * complement names a place or a field of its own ("Stirling" of
         * "University of Stirling" is the town) */
        const char *p = t + c->span.start, *end = t + c->span.end;
        while (p < end) {
            while (p < end && (*p == ' ' || *p == '\n'))
                p++;
            const char *w = p;
            while (p < end && *p != ' ' && *p != '\n')
                p++;
            if (p - w == 2 && w[0] == 'o' && w[1] == 'f')
                break;
            if (p > w && distinctive(L, w, (size_t)(p - w)))
                add_alias(aliases, w, (size_t)(p - w), e);
        }
        /* without its last word, an organisation word, when two words stay:
         * "Granite Peak" of "Granite Peak Partners", "Harrow Fields" of
         * "Harrow Fields Group" */
        /* (not a place's name before it: "Manchester City" of "Manchester City
         * Council", "Cook County" of "Cook County Health") */
        uint32_t l0 = c->last_start;
        if (c->ntok == 3 && l0 > c->span.start + 1 && t[l0 - 1] == ' ' &&
            (unsigned char)(t[c->span.start] - 'A') < 26 &&
            lexicon_has(L->org_words, t + l0, c->span.end - l0)) {
            const char *w1 = t + c->span.start;
            size_t pl = l0 - 1 - c->span.start;
            const char *sp = memchr(w1, ' ', pl);
            if (sp && sp[1] >= 'A' && sp[1] <= 'Z' &&
                !(lexicon_lists(L->words, w1, pl) & W(PLACE)) &&
                !lexicon_has(L->place_words, sp + 1, (size_t)(w1 + pl - sp - 1)) &&
                !lexicon_has(L->org_words, sp + 1, (size_t)(w1 + pl - sp - 1)))
                add_alias(aliases, w1, pl, e);
        }
        /* without its legal form written with a stop: "Pacífico Litio" of
         * "Pacífico Litio Ltd.", "Minera Andina" of "Minera Andina S.A." */
        uint32_t ls = c->last_start;
        if (t[c->span.end - 1] == '.' && ls > c->span.start + 1 &&
            (lexicon_has(L->org_words, t + ls, c->span.end - ls) ||
             lexicon_has(L->org_words, t + ls, c->span.end - ls - 1)))
            add_alias(aliases, t + c->span.start, ls - 1 - c->span.start, e);
    }
}

static int32_t pick_alias(const slot_t *sl, const ients_t *E)
{
    if (sl->v2 < 0)
        return sl->v;
    /* two people share a surname: news style calls a relative by the first
     * name after the first reference, so the bare surname stays with the
     * person named first ("Gwenllian Pritchard … her son, Owain Pritchard …
     * Pritchard trained as a teacher") */
    if (E->items[sl->v].type == ENT_PERSON && E->items[sl->v2].type == ENT_PERSON)
        return sl->v < sl->v2 ? sl->v : sl->v2;
    /* two entities share the word: the one mentioned last */
    return E->items[sl->v2].last_pos > E->items[sl->v].last_pos ? sl->v2 : sl->v;
}

/* The text a candidate clusters under: a known acronym's long name (looked
 * up again: it is rare, and a pointer would make every candidate larger), or
 * its own. */
static const char *cand_key(const doc_t *doc, const lexset_t *L, const cand_t *c, size_t *n)
{
    const char *s = doc->text + c->span.start;
    *n = span_len(c->span);
    if (c->flags & CF_LONG_NAME) {
        s = lexicon_value(L->acronyms, s, *n);
        *n = strlen(s);
    }
    return s;
}

/* clubs: a candidate names a club (names_club()). */
static void cluster(doc_t *doc, const lexset_t *L, cands_t *cands, bool clubs)
{
    ients_t E = {0};
    strmap_t keys = {0}, aliases = {0};
    const char *t = doc->text;
    /* Both passes read each candidate's text, which the scan left long ago
     * on a large document: it is fetched a few candidates ahead. */
    enum { AHEAD = 16 };
    /* 1. sure multi-word names, known names and dates become entities, and
     * their aliases are registered (an acronym's long form came before it) */
    for (size_t i = 0; i < cands->len; i++) {
        if (i + AHEAD < cands->len)
            __builtin_prefetch(t + cands->items[i + AHEAD].span.start);
        cand_t *c = &cands->items[i];
        if (clubs && club_after_place(doc, L, c))
            c->type = ENT_ORGANIZATION;
        if ((c->flags & CF_ACRONYM) && cands->items[i - 1].entity >= 0)   /* its long form's */
            add_alias(&aliases, t + c->span.start, span_len(c->span), cands->items[i - 1].entity);
        if (!(c->flags & CF_SURE) || (c->flags & CF_ACRONYM) || c->type == ENT_TYPE_COUNT)
            continue;
        if ((c->flags & CF_SINGLE) && !(c->flags & CF_KNOWN) && c->type != ENT_DATE)
            continue;   /* a lone word typed by context waits for the alias pass */
        size_t kn, had = E.len;
        bool exact;
        const char *ks = cand_key(doc, L, c, &kn);
        c->entity = entity_for_key(&E, &keys, ks, kn, c->type, &exact);
        ient_t *en = &E.items[c->entity];
        if (E.len > had)
            en->maker = *c;
        /* the same name again, byte for byte and word for word, would add
         * the aliases its maker added, which changes nothing (add_alias()
         * keeps an alias's entities): nine in ten sure names on news */
        else if (exact && same_aliases(&en->maker, c))
            continue;
        register_aliases(doc, L, c, c->entity, &aliases);
    }
    /* 2. every candidate, in order, to the entity its text or alias names.
     * At most one mention each, written over the candidates in their own
     * array (10 MB of fresh memory fewer on 50 MB of news, which this VM
     * zeroes slowly): mention k is 16 bytes at 16k, candidate i 28 bytes at
     * 28i, and k <= i, so a mention only covers candidates already read,
     * the one read last included; that one's entity is kept aside for an
     * acronym after it. */
    _Static_assert(sizeof(mention_t) <= sizeof(cand_t), "mentions fit over the candidates");
    mention_t *mentions = (mention_t *)(void *)cands->items;
    size_t nmentions = 0;
    int32_t prev_entity = -1;   /* candidate i - 1's, which a mention may cover */
    for (size_t i = 0; i < cands->len; i++) {
        if (i + AHEAD < cands->len)
            __builtin_prefetch(t + cands->items[i + AHEAD].span.start);
        cand_t *c = &cands->items[i];
        const char *s = t + c->span.start;
        size_t n = span_len(c->span);
        int32_t e = -1, alias = -1, full = -1;
        if (c->type != ENT_DATE && !(c->flags & CF_ACRONYM)) {
            /* (a date or an acronym needs neither table) */
            uint32_t h = lexicon_fold_hash(s, n);
            const slot_t *al = strmap_find(&aliases, s, n, h);
            alias = al && al->v >= 0 ? pick_alias(al, &E) : -1;
            /* the entity keyed by its text: pass 1 keyed a sure candidate
             * by it, so it knows without a probe (a known acronym, keyed by
             * its long name, needs none) */
            if (c->entity >= 0 && !(c->flags & CF_LONG_NAME))
                full = c->entity;
            else if (!(c->flags & CF_LONG_NAME)) {
                const slot_t *fs = strmap_find(&keys, s, n, h);
                full = fs ? fs->v : -1;
            }
        }
        if (c->flags & CF_ACRONYM)
            e = prev_entity;
        else if ((c->flags & CF_LONG_NAME) && alias >= 0)
            e = alias;      /* "(MSF)" defined in the text beats the list's MSF */
        else if (c->type == ENT_DATE || (c->flags & CF_LONG_NAME))
            e = c->entity;
        else if (alias >= 0 && full < 0 &&
                 (!(c->flags & CF_SURE) || (c->flags & CF_GUESS) || c->type == E.items[alias].type))
            e = alias;      /* a surname, a first name, "Arenal" */
        else if (alias >= 0 && full >= 0 && (c->flags & CF_SINGLE) &&
                 E.items[alias].type == ENT_PERSON && E.items[full].type != ENT_PERSON)
            e = alias;      /* a person's name that is also a place */
        else if (alias >= 0 && full >= 0 && c->type == ENT_PERSON &&
                 E.items[alias].type == ENT_PERSON && E.items[alias].keylen > n)
            e = alias;      /* "de la Cruz" inside "Maria de la Cruz" */
        else if (alias >= 0 && c->ntok >= 2 && c->type == ENT_PERSON && !c->pron && alias != full &&
                 (full < 0 || E.items[full].type == ENT_PERSON) &&
                 E.items[alias].type == ENT_ORGANIZATION && !E.items[alias].guess &&
                 first_name_gender(L, s, (size_t)(c->first_end - c->span.start)) == GENDER_UNKNOWN)
            e = alias;      /* "Granite Peak" after "Granite Peak Partners": no first name, the firm */
        else if (full >= 0)
            e = full;
        else if (alias >= 0 && (c->flags & CF_SINGLE) && (c->flags & CF_SURE) && c->type == ENT_PERSON &&
                 E.items[alias].guess && E.items[alias].type == ENT_ORGANIZATION) {
            /* the surname of a name typed by default, which its context
             * calls a person ("Tharu Wijesena took five ... Wijesena, 24,"):
             * a person after all */
            e = alias;
            E.items[e].type = ENT_PERSON;
        } else if (c->type != ENT_TYPE_COUNT && (c->flags & (CF_SURE | CF_GUESS))) {
            e = entity_for_key(&E, &keys, s, n, c->type, NULL);
            if ((c->flags & CF_GUESS) && E.items[e].out < 0)
                E.items[e].guess = true;
            if ((c->flags & CF_GUESS) && c->type == ENT_ORGANIZATION && !c->pron)
                register_aliases(doc, L, c, e, &aliases);  /* "Rheinfeld Logistik" -> a later "Rheinfeld" */
            else if ((c->flags & CF_GUESS) && c->type == ENT_ORGANIZATION && c->ntok >= 2) {
                /* he or she after it makes it a person (below): a later
                 * surname joins it ("Ørjan Lindqvist-Høyer ... he" -> "Lindqvist-Høyer") */
                cand_t pc = *c;
                pc.type = ENT_PERSON;
                register_aliases(doc, L, &pc, e, &aliases);
            }
        }
        if (e < 0) {
            prev_entity = c->entity;
            continue;
        }
        c->entity = prev_entity = e;
        ient_t *en = &E.items[e];
        if (!(c->flags & CF_GUESS) && c->type == ENT_ORGANIZATION)
            en->guess = false;      /* an organisation by its own words too */
        if ((c->flags & CF_GUESS) && c->pron && en->type == ENT_ORGANIZATION)
            en->type = ENT_PERSON;      /* "he" or "she" after it: a person after all */
        en->last_pos = c->span.end;
        if (c->type == ENT_PERSON || en->type == ENT_PERSON) {
            if (c->pron == GENDER_FEMALE)
                en->fem++;
            else if (c->pron == GENDER_MALE)
                en->masc++;
        }
        if (c->ntok > en->best_ntok || (c->ntok == en->best_ntok && span_len(c->span) > span_len(en->best))) {
            en->best = c->span;
            en->best_ntok = c->ntok;
        }
        if (en->out >= 0)
            doc->entities.items[en->out].type = en->type;
        if (en->out < 0) {
            entity_t out = {0};
            out.type = en->type;
            vec_push(&doc->entities, out);
            en->out = (int32_t)(doc->entities.len - 1);
        }
        doc->entities.items[en->out].nmentions++;
        mentions[nmentions++] = (mention_t){c->span, (uint32_t)en->out, MENTION_NAME};    /* c is read */
    }
    /* the array is the document's mentions now (the first: attribution adds
     * its own later) */
    vec_free(&doc->mentions);
    doc->mentions.items = mentions;
    doc->mentions.len = nmentions;
    doc->mentions.cap = cands->cap * sizeof(cand_t) / sizeof(mention_t);
    cands->items = NULL;
    cands->len = cands->cap = 0;
    /* 3. names and genders */
    for (size_t i = 0; i < E.len; i++) {
        ient_t *en = &E.items[i];
        if (en->out < 0)
            continue;
        entity_t *out = &doc->entities.items[en->out];
        out->name = xstrndup(t + en->best.start, span_len(en->best));
        for (char *p = out->name; *p; p++)
            if (*p == '\n')
                *p = ' ';
        if (out->type != ENT_PERSON)
            continue;
        const char *sp = strchr(out->name, ' ');
        gender_t g = en->best_ntok >= 2 ? first_name_gender(L, out->name, sp ? (size_t)(sp - out->name) : strlen(out->name)) : GENDER_UNKNOWN;
        if (g == GENDER_PLURAL)
            g = GENDER_UNKNOWN;     /* the lexicon says either */
        if (en->fem + en->masc >= 1 && (g == GENDER_UNKNOWN || (en->fem + en->masc >= 2 &&
                                        (en->fem == 0 || en->masc == 0))))
            g = en->fem > en->masc ? GENDER_FEMALE : en->masc > en->fem ? GENDER_MALE : g;
        out->gender = g;
    }
    vec_free(&E);
    strmap_free(&keys);
    strmap_free(&aliases);
}

void entities_find(doc_t *doc)
{
    entities_find_cached(doc, NULL);
}

void entities_find_cached(doc_t *doc, seg_cache_t *cache)
{
    lexset_t L;
    lexset_load(&L);
    cands_t cands = {0};
    /* news has a candidate in about every 80 bytes: room for that up front
     * puts the array on huge pages from its start (see quotes_find) */
    vec_reserve(&cands, doc->len / 64);
    segment_t seg = {0};
    spans_t titles = {0};
    lists_t lists = {0};
    if (!span_is_empty(doc->date_span)) {
        cand_t c = {0};
        c.span = doc->date_span;
        c.first_end = c.span.end;
        c.last_start = c.span.start;
        c.entity = -1;
        c.type = ENT_DATE;
        c.flags = CF_SURE | CF_SINGLE;
        c.ntok = 1;
        vec_push(&cands, c);
    }
    bool clubs = false;
    for (size_t p = 0; p < doc->paragraphs.len; p++) {
        size_t from = cands.len;
        scan_paragraph(doc, doc->paragraphs.items[p], &seg, &L, &cands, &titles, &lists, cache);
        clubs = clubs || names_club(doc, &L, &cands, from);
    }
    cluster(doc, &L, &cands, clubs);
    /* they/them in an apposition makes a person plural for pronouns */
    vec_free(&cands);
    vec_free(&titles);
    vec_free(&lists);
    segment_free(&seg);
}
