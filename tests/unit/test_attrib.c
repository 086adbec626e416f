/* test_attrib.c — each attribution pattern on small hand-written paragraphs. */
#include "config.h"
#include "engine/analyze.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <string.h>

static doc_t *doc;

static void run(const char *s)
{
    if (doc)
        doc_free(doc);
    doc = analyze(xstrdup(s), strlen(s), "test");
}

/* The speaker of quote i: its entity's canonical name, "(null)", or "(none)". */
static const char *speaker(size_t i)
{
    if (i >= doc->quotes.len)
        return "(none)";
    int32_t e = doc->quotes.items[i].speaker;
    return e < 0 ? "(null)" : doc->entities.items[e].name;
}

static const char *span_text(span_t s)
{
    static char buf[128];
    size_t n = span_len(s) < sizeof buf - 1 ? span_len(s) : sizeof buf - 1;
    memcpy(buf, doc->text + s.start, n);
    buf[n] = '\0';
    return buf;
}

int main(void)
{
    /* after the quote: SUBJECT VERB, and the source and cue spans */
    run("Dana Whitlock runs the harbour.\n\n\"The tide waits for nobody,\" Whitlock said.");
    is_str(speaker(0), "Dana Whitlock", "quote, name said");
    is_str(span_text(doc->quotes.items[0].source), "Whitlock", "source is the name mention");
    is_str(span_text(doc->quotes.items[0].cue), "said", "cue is the verb");
    is_int(doc->entities.items[doc->quotes.items[0].speaker].nquotes, 1, "nquotes counted");

    /* inverted: said NAME, ROLE */
    run("“We cannot keep up,” said Ines Carvalho, a nurse in Porto.");
    is_str(speaker(0), "Ines Carvalho", "quote, said name, role");

    /* before the quote with a colon */
    run("Asked about the budget, Peter Lindqvist said: “We will cut nothing.”");
    is_str(speaker(0), "Peter Lindqvist", "name said: quote");

    /* interrupted: two quotes, one speaker */
    run("Mira Solberg, the festival director, paused. “The crowds came,” she said, “and they stayed.”");
    is_int(doc->quotes.len, 2, "an interrupted quote is two quotes");
    is_str(speaker(0), "Mira Solberg", "first part: she");
    is_str(speaker(1), "Mira Solberg", "second part: the same speaker");
    is_str(span_text(doc->quotes.items[0].source), "she", "the pronoun is the source");

    /* pronouns across sentences and paragraphs, by gender */
    run("Karen Holt met Thomas Berg in Oslo. The talks were long.\n\n"
        "“Nothing is agreed,” he said.\n\n“Everything is possible,” she replied.");
    is_str(speaker(0), "Thomas Berg", "he: the male candidate, a paragraph later");
    is_str(speaker(1), "Karen Holt", "she: the female candidate");
    {
        bool pron = false;
        for (size_t i = 0; i < doc->mentions.len; i++)
            if (doc->mentions.items[i].kind == MENTION_PRONOUN)
                pron = true;
        ok(pron, "the resolved pronoun is added as a mention");
        bool sorted = true;
        for (size_t i = 1; i < doc->mentions.len; i++)
            if (doc->mentions.items[i].span.start < doc->mentions.items[i - 1].span.start)
                sorted = false;
        ok(sorted, "mentions stay sorted by start");
    }

    /* they: a person who uses they/them */
    run("Sam Okonjo, an engineer who uses they/them pronouns, checked the logs. "
        "“The fault was ours,” they said.");
    is_str(speaker(0), "Sam Okonjo", "they resolves to the they/them person");

    /* role nouns resolve to the person introduced in that role */
    run("Defence Minister Hanna Lutz visited the base with Colonel Erik Brand.\n\n"
        "“Our readiness is high,” the minister said.");
    is_str(speaker(0), "Hanna Lutz", "the minister: the person introduced as Minister");
    run("Carla Mendes, a toxicologist at the state laboratory, took samples. Luis Pardo watched.\n\n"
        "“The water is unsafe,” the toxicologist said.");
    is_str(speaker(0), "Carla Mendes", "the toxicologist: the person introduced as one");

    run("Nadia Brun, a former teacher, was elected mayor of Lyon on Sunday. Paul Roux conceded.\n\n"
        "“We start tomorrow,” the mayor-elect said.");
    is_str(speaker(0), "Nadia Brun", "was elected mayor: the mayor-elect");
    run("Omar Haddad opened the plant on Monday.\n\n“Output will double,” the spokesman said.");
    is_str(speaker(0), "(null)", "a role nobody was given stays unattributed");

    run("“Rates will hold,” Central Bank governor Ilse Marten told reporters.");
    is_str(speaker(0), "Ilse Marten", "organisation, title, person: the person speaks");
    run("The Port Authority closed the pier. A spokesperson for the authority said: “Repairs take weeks.”");
    is_str(speaker(0), "(null)", "an unnamed spokesperson for an organisation is not the organisation");

    /* organisations speaking */
    run("The Ministry of Agriculture said in a statement that prices would fall. "
        "“Farmers will be paid in full,” the ministry said.");
    is_str(speaker(0), "Ministry of Agriculture", "the ministry said");
    run("Supplies will last “until the end of March”, according to the Red Valley Water Board.");
    is_str(speaker(0), "Red Valley Water Board", "according to an organisation");

    /* partial quote inside reported speech */
    run("Olga Varga said the reform was “long overdue” and would pass.");
    is_str(speaker(0), "Olga Varga", "partial quote after NAME said");

    /* continuation of the previous speaker */
    run("“We lost the first half,” said Bruno Keller. “We won the second.”");
    is_str(speaker(1), "Bruno Keller", "a quote of its own continues the speaker");

    /* dialogue with cues alternating speakers */
    run("Lena Fischer asked her deputy, Jonas Weber, for the numbers. “Are they final?” she asked. "
        "“They are,” he replied.");
    is_str(speaker(0), "Lena Fischer", "dialogue: she asked");
    is_str(speaker(1), "Jonas Weber", "dialogue: he replied");

    /* dialogue without cues: the speakers alternate */
    run("Vera Lind met Oskar Falk at the station.\n\n“Are you leaving?” Vera asked.\n\n"
        "“Tonight,” said Oskar.\n\n“Why?”\n\n“Because the work is done.”");
    is_str(speaker(0), "Vera Lind", "dialogue: first cue");
    is_str(speaker(1), "Oskar Falk", "dialogue: second cue");
    is_str(speaker(2), "Vera Lind", "dialogue: the third line goes back to the first speaker");
    is_str(speaker(3), "Oskar Falk", "dialogue: and the fourth to the second");

    run("Lea Stone took questions. A reporter asked: “Will you resign?” Stone said: “No.”");
    is_str(speaker(0), "(null)", "a reporter asked: the question has no named speaker");
    is_str(speaker(1), "Lea Stone", "NAME said: the answer");

    /* newswire multi-paragraph quote introduced with a colon */
    run("Standing on the pier, Ruth Adeyemi said:\n\n“The boats are gone.\n\n“Nobody told us.”");
    is_int(doc->quotes.len, 1, "one multi-paragraph quote");
    is_str(speaker(0), "Ruth Adeyemi", "the speaker of the colon before it");

    /* a colon after "told the meeting", and after a clause with no speech verb */
    run("Rosa Iglesias, who runs a bakery, told the meeting:\n\n“The water came at night.”");
    is_str(speaker(0), "Rosa Iglesias", "told the meeting: quote in the next paragraph");
    run("Jonas Eriksen, a ferry captain, put it more bluntly: “The route is finished.” "
        "A sign on the pier read: “Closed.”");
    is_str(speaker(0), "Jonas Eriksen", "NAME ... put it bluntly: quote");
    is_str(speaker(1), "(null)", "a sign read: no speaker");

    /* an acronym defined in parentheses speaks later */
    run("The Northern Rail Operators Group (NROG) met on Monday. The NROG said the delays were “regrettable”.");
    is_str(speaker(0), "Northern Rail Operators Group", "the acronym's organisation speaks");

    /* a multi-paragraph quote with no cue continues the paragraph's speaker */
    run("“Prices rose,” said Elena Petrova. “Wages did not.\n\n“Nobody planned for that.”");
    is_int(doc->quotes.len, 2, "two quotes, the second over two paragraphs");
    is_str(speaker(1), "Elena Petrova", "it continues the speaker");

    /* no speaker: scare quotes, titles, nicknames, anonymous sources, nesting */
    run("Ana Lima, known to fans as “The Hammer”, said nothing. Her book, “Iron Days”, sold well.");
    is_str(speaker(0), "(null)", "a nickname after 'known as' has no speaker");
    is_str(speaker(1), "(null)", "a title has no speaker");
    run("Pavel Novak arrived. “Nobody will talk,” an official said. Critics called the plan “a farce”.");
    is_str(speaker(0), "(null)", "an anonymous official gets no speaker");
    is_str(speaker(1), "(null)", "critics are anonymous");
    run("A senior diplomat spoke on condition of anonymity. “The deal is dead,” the diplomat said.");
    is_str(speaker(0), "(null)", "the diplomat introduced anonymously stays anonymous");
    run("“They called it ‘a temporary fix’ last year,” said Mona Ruiz.");
    is_str(speaker(0), "Mona Ruiz", "outer quote attributed");
    is_str(speaker(1), "(null)", "nested quote has no speaker");

    /* a deputy (vice, former) holder is not "the ROLE" */
    run("Mayor Lena Ortiz opened the session. The town's deputy mayor, Tomas Reyes, disagreed "
        "with her, and former mayor Gil Brandt walked out.\n\n“We will wait,” the mayor said.");
    is_str(speaker(0), "Lena Ortiz", "the mayor: not the deputy mayor, not the former one");

    /* the qualifier may stand anywhere in the role phrase */
    run("Transport Secretary Ruth Okonjo announced the rail plan. The shadow transport secretary, "
        "Colin Ashdown, called it late, and the acting port director, Mina Seth, agreed.\n\n"
        "“Every line will be electrified,” the secretary said.");
    is_str(speaker(0), "Ruth Okonjo", "the secretary: not the shadow transport secretary");

    /* inverted, with a lower-case role phrase between the verb and the name */
    run("“The roof comes first,” said club treasurer Ann Mbeki. “Then the pitch,” "
        "said a spokesman for Ann Mbeki.");
    is_str(speaker(0), "Ann Mbeki", "said club treasurer NAME");
    is_str(speaker(1), "(null)", "said a spokesman for NAME: not NAME");

    /* "a conference call" is a noun: the verb before it names the speaker */
    run("Treasurer Omar Haddad told investors on a conference call that the year had been "
        "“a long climb”.");
    is_str(speaker(0), "Omar Haddad", "NAME told X on a conference call that “…”");

    /* "NAME of ORG, who …, VERB": the person is the subject, not the organisation */
    run("Lars Berg of the Coastal Bird Trust, who was not involved, called the count “grim”.");
    is_str(speaker(0), "Lars Berg", "NAME of ORG, who …, called “…”");

    /* a paragraph ending "NAME said that …:" introduces the quote that opens the next */
    run("Rosa Lind studied the tide tables.\n\nLind said the surveyors had found something odd "
        "in the oldest logs:\n\n“Half the entries were written in pencil.”");
    is_str(speaker(0), "Rosa Lind", "NAME said …: far from the colon");

    /* a nationality epithet refers back to the person just named */
    run("Coach Ilse Brandt took charge in 2019.\n\nThe Swede, who rarely speaks to the press, "
        "added that the defeat was “deserved”. “We lost our way,” the Swede said.");
    is_str(speaker(0), "Ilse Brandt", "The Swede, who …, added “…”");
    is_str(speaker(1), "Ilse Brandt", "“…,” the Swede said");

    /* a pronoun prefers the subject of "NAME said …" over an object in that sentence */
    run("Omar Reyes said he had phoned Luis Tan twice that week.\n\n"
        "“We will talk again,” he said. Tan arrived later. “I doubt it,” he said.");
    is_str(speaker(0), "Omar Reyes", "he: the subject of 'said', not its object");
    is_str(speaker(1), "Luis Tan", "he: the person named since then");

    /* a role never given to anyone, in a paragraph about one person without a role */
    run("Ana Ruiz, who has been linked with Porto, was blunt. “We were poor,” the winger said.\n\n"
        "Rui Costa, a trader, listened. “It was a fine day,” the founder said.");
    is_str(speaker(0), "Ana Ruiz", "the winger: the paragraph's one person");
    is_str(speaker(1), "(null)", "the founder: not the trader of that paragraph");

    /* a name inside a prepositional phrase after the sentence's first noun:
     * the noun is the subject, not the name */
    run("A spokesman for the Office of Water and Coastal Planning said the permit was “being reviewed”.");
    is_str(speaker(0), "(null)", "A spokesman for the ORG said: not the organisation");

    /* ", adding that …": the participle has the subject of the verb before it */
    run("Tomas Reyna lost the vote.\n\nHe told reporters the count was fair, adding that he would "
        "“stay in politics for good”.");
    is_str(speaker(0), "Tomas Reyna", "he told …, adding that he would “…”");

    /* a name given to a thing is a term, not anyone's words */
    run("Mayor Ana Lima said the so-called “ghost contracts” would end, and that a fund "
        "dubbed “Bridge Money” would be audited.");
    is_str(speaker(0), "(null)", "the so-called “…”: a term");
    is_str(speaker(1), "(null)", "dubbed “…”: a term");

    /* a role phrase with the name in apposition, a title inside the commas */
    run("“The wards are empty,” the association’s chairwoman, Prof. Halima Oduya, told a meeting.");
    is_str(speaker(0), "Halima Oduya", "“…,” the org’s role, Prof. NAME, told");

    /* a pronoun prefers the previous sentence's subject over a name later in
     * that sentence, across an apposition or relative clause */
    run("Rhys Tandoh was furious with the umpire, Callum Ferreday, after the match. "
        "“Nobody could see that,” he said.");
    is_str(speaker(0), "Rhys Tandoh", "NAME was … the umpire, NAME2 … “…,” he said: NAME");
    run("Declan Moyes, whose penalty was saved by Stefan Ulbricht in the first half, kept calm. "
        "“We go again,” he said.");
    is_str(speaker(0), "Declan Moyes", "NAME, whose … NAME2 …, VERB. “…,” he said: NAME");

    /* that subject, its gender still unknown, outranks an older person of the
     * pronoun's gender */
    run("“It was close,” said Peter Almqvist.\n\n"
        "Dr Gwilym Brannock, of the University of Tartu, said the data were clear. "
        "“We checked twice,” he said.");
    is_str(speaker(1), "Gwilym Brannock", "X, of ORG, said … “…,” he said: X, not an older he");

    /* two people share a surname: the bare surname is the one named first */
    run("Margaret Okonjo-Bell, who ran the mill for 40 years, has died. Her brother, "
        "Samuel Okonjo-Bell, confirmed the news.\n\n"
        "“The mill was her life,” Okonjo-Bell wrote in 1990.");
    is_str(speaker(0), "Margaret Okonjo-Bell", "a shared surname stays with the first named");

    /* "described X as “…”" quotes the subject; "was dismissed as “…”" is a term */
    run("Finance chief Ingrid Solheim described the write-down as “painful but necessary”, "
        "while the plan was dismissed as “window dressing” by critics.");
    is_str(speaker(0), "Ingrid Solheim", "NAME described X as “…”: NAME");
    is_str(speaker(1), "(null)", "was dismissed as “…”: a term");

    /* "accused X of “…”" quotes the accuser; a verb joined by "and" keeps the
     * subject of the speech verb before it */
    run("Transport Secretary Bernadette Kirwan accused the operator of “running the trains for "
        "the shareholders”.");
    is_str(speaker(0), "Bernadette Kirwan", "NAME accused X of “…”: NAME");
    run("The Halden Porters Guild said it had paid every fine and accused the port of "
        "“changing the rules overnight”.");
    is_str(speaker(0), "Halden Porters Guild", "ORG said … and accused X of “…”: ORG");

    /* an unnamed person opening the latest sentence is who "he" is */
    run("“We will appeal,” said Oskar Lindahl, the mayor.\n\n"
        "A spokesman for the Harbour Board said the fees were fair. “Nobody pays more,” he said.");
    is_str(speaker(0), "Oskar Lindahl", "named: said NAME");
    is_str(speaker(1), "(null)", "A spokesman for ORG said … “…,” he said: unnamed");

    /* a capitalised role after "the" is the person introduced in it */
    run("The Manitoba Premier, Colette Ferrand, lost the vote.\n\n"
        "Later the Premier said she would “try again in spring”.");
    is_str(speaker(0), "Colette Ferrand", "the Premier said … “…”: the premier named before");

    /* a title in quotes is nobody's words, even after a speech verb in its
     * sentence; a name given by "called" right before it is the caller's */
    run("Tobias Lindgren, who reviews fiction for the paper, called the novel “a cold, clever "
        "book” and picked out “The Winter Ferry” as its best chapter, a story called “Low Tide”.");
    is_str(speaker(0), "Tobias Lindgren", "NAME called X “…”: NAME");
    is_str(speaker(1), "(null)", "a title in quotes: nobody");
    is_str(speaker(2), "(null)", "a story called “Title”: nobody");
    run("Senator Edith Marr called the scheme “Operation Overreach” in a speech.");
    is_str(speaker(0), "Edith Marr", "called “Title Case Name”: the one who called it");

    /* "VERB OBJ as “…”" quotes the subject even when the object is a quoted
     * title with an apposition */
    run("Marta Vance, who writes for the Herald, praised the cast and singled out “Harbour Song”, "
        "the duet that closes the second act, as “the best ten minutes on any stage this year”.");
    is_str(speaker(0), "(null)", "the quoted title: nobody");
    is_str(speaker(1), "Marta Vance", "singled out “Title”, APPOSITION, as “…”: the subject");

    /* a quote inside a quote: who the outer speaker's words say said it */
    run("Piotr Malek led the climb. “Halfway up, Dorota Zielinska looked at the sky and said, "
        "‘We turn back now,’” he said.");
    is_str(speaker(0), "Piotr Malek", "outer quote: he");
    is_str(speaker(1), "Dorota Zielinska", "inner: NAME … said, ‘…’");
    run("Prosecutor Helen Ward told the jury about the landlord, Victor Lune.\n\n"
        "“On the night of the fire, he wrote to the tenant: ‘Pay or leave,’” Ms Ward said.");
    is_str(speaker(0), "Helen Ward", "outer quote: Ms NAME said");
    is_str(speaker(1), "Victor Lune", "inner: he wrote: ‘…’ is someone just named, not the speaker");
    /* the inner quote is decided after the outer one, so its source ("he")
     * is added after a later one ("she"): the mentions are sorted again */
    run("Victor Lune owns the block. Ana Ward rents a flat from him.\n\n"
        "“On the night of the fire, he wrote to the tenant: ‘Pay or leave,’” she said.");
    is_str(speaker(0), "Ana Ward", "outer quote: she said");
    is_str(speaker(1), "Victor Lune", "inner: he wrote: ‘…’");
    {
        bool sorted = true;
        size_t pron = 0;
        for (size_t i = 0; i < doc->mentions.len; i++) {
            pron += doc->mentions.items[i].kind == MENTION_PRONOUN;
            if (i > 0 && doc->mentions.items[i].span.start < doc->mentions.items[i - 1].span.start)
                sorted = false;
        }
        is_int(pron, 2, "both pronoun sources are added");
        ok(sorted, "sources added out of text order: mentions still sorted by start");
    }
    run("Tomasz Bem runs the bakery. “My brother was first in. He kept shouting, ‘Get out, get "
        "out,’” he said.");
    is_str(speaker(1), "(null)", "inner: he, someone named only in the quote: nobody");
    run("“I told the board, ‘This will fail,’” said Greta Holm.");
    is_str(speaker(1), "Greta Holm", "inner: I told …, ‘…’ is the outer speaker");
    run("“Somebody kept shouting ‘fire’ in the stairwell,” said Greta Holm.");
    is_str(speaker(1), "(null)", "inner: somebody shouting ‘…’: nobody");

    /* "NAME, who VERB …" is NAME's verb */
    run("The inquiry heard from the harbourmaster, Ulla Berggren, who told the panel that the "
        "crane had been “an accident waiting to happen”.");
    is_str(speaker(0), "Ulla Berggren", "NAME, who told X that “…”: NAME");

    /* a role subject opening a sentence is who a following pronoun means:
     * the person the role was given to, or someone unnamed ("His son") */
    run("Marit Olsen, the union's general secretary, led the strike. Managers later met "
        "Sofia Brandt, a negotiator.\n\nThe general secretary was unmoved. “We stay out until "
        "Friday,” she said.");
    is_str(speaker(0), "Marit Olsen", "The ROLE was …. “…,” she said: the person in that role");
    run("Anders Lind, 81, fished the fjord for sixty years.\n\n"
        "His son was at the quay when the boat sank. “I saw the mast go under,” he said.");
    is_str(speaker(0), "(null)", "His son was …. “…,” he said: the unnamed son");
    run("Ruth Kane, 70, has run the shop for decades.\n\n"
        "Her husband died in 2019. “I kept it open for him,” she said.");
    is_str(speaker(0), "Ruth Kane", "Her husband died. “…,” she said: not the husband");

    /* a passive speech verb inside what an active one reports quotes the
     * reporter; with its agent it does not */
    run("The tribunal heard from Lena Voss, a former nurse at the clinic, who said she had been "
        "told to “keep the numbers quiet”.");
    is_str(speaker(0), "Lena Voss", "NAME, who said she had been told to “…”: NAME");
    run("Lena Voss said she had been told by managers to “keep the numbers quiet”.");
    is_str(speaker(0), "(null)", "NAME said she had been told by X to “…”: not NAME");

    /* a verdict as the object's complement: "found it “…”" quotes the finder */
    run("Hanna Berg, who saw the opening night, found it “long but worth every minute”, "
        "though the staging was found “confusing” by others.");
    is_str(speaker(0), "Hanna Berg", "NAME found it “…”: NAME");
    is_str(speaker(1), "(null)", "was found “…” by others: not NAME");

    /* a role phrase in apposition to a name, after an inverted or plain verb:
     * the name speaks, not the possessor */
    run("Delegates gathered in Manila. “The reef cannot wait another decade,” said Vietnam's "
        "deputy minister of natural resources and environment, Tran Thi Lan, who led the talks.");
    is_str(speaker(0), "Tran Thi Lan", "said COUNTRY's ROLE of …, NAME, who …: NAME");
    run("“We have a framework, not yet a deal,” said the union's lead negotiator, Oskar Lindqvist.");
    is_str(speaker(0), "Oskar Lindqvist", "said the X's ROLE, NAME.: NAME");
    run("“The plant will run by spring,” Norvale's chairman, Peter Okafor, told reporters.");
    is_str(speaker(0), "Peter Okafor", "“…,” X's ROLE, NAME, told: NAME");
    run("Mira Sand sued the landlord in March. “This is a fair outcome,” said Mira Sand's "
        "solicitor, Jonas Berg, outside the court.");
    is_str(speaker(0), "Jonas Berg", "said FIRST LAST's ROLE, NAME,: NAME, not the possessor");
    run("Ardent Shipping posted a loss. “We will sell two vessels,” said Ardent's finance chief, "
        "who asked not to be named.");
    is_str(speaker(0), "(null)", "said ORG's ROLE, who …: the unnamed role, not ORG");

    /* an organisation named inside the subject's own clause is not its antecedent */
    run("Brightwater Foods reported lower sales. The company, which buys most of its wheat from "
        "Ostara Mills, said costs had been “far higher than planned”.");
    is_str(speaker(0), "Brightwater Foods", "The company, which … ORG2, said “…”: the company named before");

    /* a sentence-initial plural role before a prepositional name is the
     * subject, unnamed: not the organisation */
    run("Economists at Marlowe Capital said the rise was “almost certainly temporary”.");
    is_str(speaker(0), "(null)", "Analysts at ORG said “…”: unnamed, not ORG");

    /* a fronted participle clause holds no subject */
    run("Introducing the Ports (Pilotage) Act, the transport minister, Ruth Adeyemi, said ships "
        "would “never again sail blind into Tilbury”.");
    is_str(speaker(0), "Ruth Adeyemi", "Opening … Act, the ROLE, NAME, said: NAME");

    /* a speech verb with the particle "back" */
    run("The club chairman, Aled Prosser, hit back that the fine was “out of all proportion”.");
    is_str(speaker(0), "Aled Prosser", "NAME hit back that “…”");
    run("“Nobody asked us,” Ingrid Solheim fired back.");
    is_str(speaker(0), "Ingrid Solheim", "“…,” NAME fired back");

    /* a verb whose object takes "as", a clause before the quote */
    run("The mayor, Olga Brandt, dismissed a report that had been commissioned by the harbour "
        "board in 2019 as “a work of fiction”.");
    is_str(speaker(0), "Olga Brandt", "NAME dismissed a report that … as “…”");
    run("Jonas Reiter spoke last. He accused the regional council of treating the valley as "
        "“a car park with a view”.");
    is_str(speaker(0), "Jonas Reiter", "he accused X of treating Y as “…”");
    run("Councillors were accused of treating the park as “a building site in waiting”.");
    is_str(speaker(0), "(null)", "were accused of … as “…”: passive, nobody");
    run("Ines Berg said the line, which locals have long known as “the ghost train”, would close.");
    is_str(speaker(0), "(null)", "NAME said X, which … known as “…”: a name, not hers");

    /* the content of a noun of speech is not the subject's */
    run("Mayor Petra Kask described the budget as “honest”, drawing shouts of “resign” from the gallery.");
    is_str(speaker(0), "Petra Kask", "described … as “…”");
    is_str(speaker(1), "(null)", "shouts of “…”: the shouters, unnamed");

    /* a quote standing alone after a paragraph of reported speech continues
     * that paragraph's speaker, not the last quote's */
    run("Tomas Brekke coached the team for a decade. “We never had money,” he said.\n\n"
        "Anja Lund remembers those years differently. The club, she said, was allowed to tell "
        "players almost anything.\n\n“Nobody checked. Nobody cared.”");
    is_str(speaker(1), "Anja Lund", "quote after a paraphrase paragraph: its speaker");
    run("Tomas Brekke coached the team for a decade. “We never had money,” he said.\n\n"
        "A former player said the club had often paid wages late.\n\n“Nobody checked. Nobody cared.”");
    is_str(speaker(1), "(null)", "quote after an unnamed source's paraphrase: nobody");

    /* a name in a prepositional phrase on an unnamed subject is not the
     * subject a later "he" means */
    run("Tomas Vik was convicted in May. A lawyer for Tomas Vik, who asked not to be named, said "
        "an appeal would be lodged. “We are confident of the outcome,” he said.");
    is_str(speaker(0), "(null)", "A ROLE for NAME, who …, said … “…,” he said: the unnamed role");
    run("Storms hit the coast. A rescuer from Brønnøysund said the boat sank fast. “We had seconds,” he said.");
    is_str(speaker(0), "(null)", "A rescuer from PLACE said … he said: unnamed");

    /* a paragraph of quotes alone, its speaker named at the start of the next */
    run("Helga Strand opened the debate. “The port must grow,” she said.\n\n"
        "“Grow for whom? For the owners, or for the town?”\n\n"
        "Those were the words of Piet Aalders, the harbour councillor, who voted against.");
    is_str(speaker(1), "Piet Aalders", "“…”\n\nThose were the words of NAME: NAME");
    run("Helga Strand opened the debate. “The port must grow,” she said.\n\n"
        "“Grow for whom? For the owners, or for the town?”\n\n"
        "Piet Aalders voted against the plan.");
    is_str(speaker(1), "Helga Strand", "no such cue: the quote continues the last speaker");

    /* a quote inside a quote said by a role the narrative gave someone */
    run("The health minister, Sara Lindgren, defended the cuts.\n\n"
        "“Last year the minister promised us ‘not one ward will close’,” Owen Pike said.");
    is_str(speaker(1), "Sara Lindgren", "‘…’ after “the ROLE promised”: the person in that role");
    run("“My father always told me, ‘never sign on a Friday’,” Owen Pike said.");
    is_str(speaker(1), "(null)", "‘…’ after “my father told me”: unnamed");

    /* "His answer …:" gives the possessor's words; a kinship noun does not */
    run("Marek Novak was asked if he would resign. His reply was brief: “Never.”");
    is_str(speaker(0), "Marek Novak", "His reply was brief: “…”: him");
    run("Marek Novak died in May. His son put it simply: “He loved the sea.”");
    is_str(speaker(0), "(null)", "His son put it simply: “…”: the son, unnamed");

    /* ", before adding that …" has the subject of the verb before it */
    run("“Costs are under control,” Hanne Dahl said, before adding that prices would “rise a little”.");
    is_str(speaker(1), "Hanne Dahl", "NAME said, before adding that “…”");

    /* a role named in apposition later in the paragraph does not hide an
     * earlier unnamed subject */
    run("Tomas Berg chairs the board.\n\nA paramedic who treated the driver said the crash was violent. "
        "“There was glass everywhere,” he said. Another witness, Jens Holm, said he heard a bang.");
    is_str(speaker(0), "(null)", "A ROLE said … he said, before “Another ROLE, NAME”: unnamed");

    /* "and I quote" cites the words of the speech verb's subject before it */
    run("Nadia Rahman, the energy minister, spoke in January.\n\n"
        "“Nadia Rahman said, and I quote, ‘bills will fall by spring’,” Colm Byrne said.");
    is_str(speaker(1), "Nadia Rahman", "NAME said, and I quote, ‘…’: NAME, not the quoter");

    /* "they" after unnamed people opening a sentence is them, not an organisation */
    run("Strata Mining raised its forecast. Economists at Halden Bank were unconvinced. "
        "“Copper prices are too volatile,” they wrote in a note.");
    is_str(speaker(0), "(null)", "Economists at ORG … “…,” they wrote: unnamed");
    run("Strata Mining raised its forecast. “Copper prices will hold,” they said.");
    is_str(speaker(0), "Strata Mining", "ORG … “…,” they said: the organisation");

    /* a colon with no speech verb: a pronoun subject, perhaps after a
     * fronted participle clause */
    run("Greta Lund runs the clinic. Asked whether the ward would reopen, she was careful: “Not this winter.”");
    is_str(speaker(0), "Greta Lund", "Asked …, she was careful: “…”: her");
    run("Greta Lund runs the clinic. She was blunt: “We are full.”");
    is_str(speaker(0), "Greta Lund", "She was blunt: “…”: her");
    run("Greta Lund runs the clinic. A sign on the door read: “Closed until Monday.”");
    is_str(speaker(0), "(null)", "a sign read: “…”: nobody");

    run("Lena Brandt of Tromsø University led the survey. The report's authors admitted its limits. "
        "“The sample was small,” they wrote.");
    is_str(speaker(0), "(null)", "The report's authors … “…,” they wrote: unnamed");

    /* a speech verb's object noun that is itself in the list is no verb */
    run("The fire chief, Rasmus Eklund, told state radio that crews were “close to exhaustion”.");
    is_str(speaker(0), "Rasmus Eklund", "NAME told state radio that “…”: not the noun “state”");
    run("The fire chief, Rasmus Eklund, told state radio: “We need rain.”");
    is_str(speaker(0), "Rasmus Eklund", "NAME told state radio: “…”");


    /* an acronym in brackets between the subject and the verb */
    run("The Royal Society for Bird Protection (RSBP) said in a report that the colony was “in free fall.”");
    is_str(speaker(0), "Royal Society for Bird Protection", "ORG (ACR) said that “…”: the organisation");
    run("Dr. Tomasz Wierzbicki of the Warsaw University of Technology (WUT) said the cracks were “worrying.”");
    is_str(speaker(0), "Tomasz Wierzbicki", "NAME of ORG (ACR) said “…”: the person, not the institution");
    run("Ingrid Sollie of Statnett Grid said the repairs were “urgent.”");
    is_str(speaker(0), "Ingrid Sollie", "NAME of ORG said “…”: the person");

    /* a lower-case modifier before an abbreviated title after an inverted verb */
    run("“We will not back down,” said county Commissioner Rosalind Achebe, who chairs the budget panel.");
    is_str(speaker(0), "Rosalind Achebe", "said county Commissioner NAME: the person");
    run("“The bill is dead,” said state Sen. Orrin Delacroix-Petty, a Republican from Tulsa.");
    is_str(speaker(0), "Orrin Delacroix-Petty", "said state Sen. NAME, ROLE: the person");


    /* feature style: present-tense manner verbs of speech after the quote */
    run("Odile Marchetti has run the ferry for thirty years.\n\n“Nobody told me it would be this cold,” she laughs.");
    is_str(speaker(0), "Odile Marchetti", "“…,” she laughs: her");
    run("Odile Marchetti has run the ferry for thirty years.\n\n“The gulls are the real captains,” Marchetti jokes.");
    is_str(speaker(0), "Odile Marchetti", "“…,” NAME jokes: her");


    /* a second verb phrase shares the sentence's subject */
    run("Vestland’s planning chief, Marit Solheim, toured the site and said she was “thrilled” with the progress.");
    is_str(speaker(0), "Marit Solheim", "ROLE, NAME, VERBED … and said she was “…”: NAME");
    run("Coach Dariusz Nowak praised the defence but said the attack had been “toothless.”");
    is_str(speaker(0), "Dariusz Nowak", "NAME VERBED … but said “…”: NAME");
    run("Dariusz Nowak’s assistant watched the match and said the team was “tired.”");
    is_str(speaker(0), "(null)", "NAME’s ROLE VERBED … and said: not the possessor");


    /* the sentence's first name with an apposition is the subject even when
     * it was taken for a place: the organisation inside the apposition is not */
    run("Gwenllian Park, an economist at Corvid Capital, said rates were “too high.”");
    is_str(speaker(0), "(null)", "NAME(place), an ROLE at ORG, said “…”: not the ORG");


    /* after a fronted clause, "the ROLE of NAME said" is the unnamed ROLE */
    run("In a letter read out by the coroner, the family of Arvid Lindahl said he had been “failed at every turn.”");
    is_str(speaker(0), "(null)", "In …, the ROLE of NAME said “…”: unnamed, not NAME");


    /* a pronoun in a paragraph opened by a named subject means that subject,
     * not a person of the same gender from the paragraph before */
    run("The opposition leader, Kaupo Sepp, said the budget was “reckless”.\n\n"
        "President Martin Kerr urged calm. In a statement, he said voters wanted “stability”.\n\n"
        "Sepp, 57, a former mayor of Bergen, has run the party since 2019. He told reporters he had "
        "met Hannah Lind on Sunday and that the talks had been “useful”.");
    is_str(speaker(2), "Kaupo Sepp", "NAME, AGE, ROLE, has … . He told …: the paragraph's subject");
    run("Hannah Lind said the vote was “close”.\n\n"
        "President Martin Kerr urged calm. In a statement, he said voters wanted “stability”.\n\n"
        "Kerr's rival, Tomas Vik, has run the party since 2019. He told reporters he had met "
        "Hannah Lind on Sunday and that the talks had been “useful”.");
    is_str(speaker(2), "Tomas Vik", "NAME's ROLE, NAME2 (he), has … . He told …: NAME2, named after");


    /* a lower-case name particle before the surname after the quote */
    run("The case was brought by Lucia della Torre, a prosecutor in Turin.\n\n"
        "“The tender was rigged from the start,” della Torre said as the court rose.");
    is_str(speaker(0), "Lucia della Torre", "“…,” particle SURNAME said: the person");


    /* a short form of a name already given, opening the sentence as its subject
     * (a family name that is also a common word is no mention of its own) */
    run("Park Min-seo, the chief executive of Hanwol Logistics, signed the deal in Busan on Monday.\n\n"
        "Park, speaking from a warehouse in Incheon, where the firm employs 900 people, called the "
        "merger “long overdue”.");
    is_str(speaker(0), "Park Min-seo", "FAMILY, speaking from …, where …, called X “…”: the person");
    run("Dunmore Athletic have agreed to sign the Brazilian defender Caio Ribeiro.\n\n"
        "Athletic announced the signing in a brief statement on Friday, saying that the player was "
        "“excited to start”.");
    is_str(speaker(0), "Dunmore Athletic", "SHORT-ORG announced …, saying that … “…”: the organisation");


    /* a colon cue with no speech verb: a role phrase before the named subject */
    run("Ludmila Hrubá coached the squad for a decade.\n\nHis teammate Oskar Lindgren was more generous: “He carried us all season.”");
    is_str(speaker(0), "Oskar Lindgren", "His ROLE NAME was generous: “…”: NAME, not the possessor");
    run("Ludmila Hrubá coached the squad for a decade.\n\nHer friend Dagny Holt put it another way: “She never gave up on anyone.”");
    is_str(speaker(0), "Dagny Holt", "Her friend NAME put it another way: “…”: NAME");


    /* "the ROLE of NAME" is someone else, unnamed */
    run("Teodor Vasić was buried in Split on Friday.\n\nThe nephew of Teodor Vasić said the old man had been “the heart of the village.”");
    is_str(speaker(0), "(null)", "The ROLE of NAME said “…”: not NAME");


    /* "the statement said" is the author of the statement named before */
    run("Brannock Rail cancelled the service. In a statement released by Brannock Rail, the parents of "
        "Edda Voss said she had been “let down by everyone.”\n\n“We want answers,” the statement said.");
    is_str(speaker(1), "(null)", "In a statement, the parents of NAME said …; “…,” the statement said: unnamed");
    run("Ostmark Water was fined on Monday. Ostmark Water said in a statement that the leak was “regrettable.”\n\n"
        "“We are reviewing every site,” the statement said.");
    is_str(speaker(1), "Ostmark Water", "ORG said in a statement …; “…,” the statement said: ORG");

    /* a Justice is "the judge" later on */
    run("Justice Miriam Okonjo-Hart handed down the sentence in Perth on Friday.\n\n"
        "“The community is entitled to feel safe,” the judge said.");
    is_str(speaker(0), "Miriam Okonjo-Hart", "Justice NAME …; “…,” the judge said: NAME");
    run("Justice Miriam Okonjo-Hart wrote the opinion.\n\n“The statute is plain,” the justice wrote.");
    is_str(speaker(0), "Miriam Okonjo-Hart", "and “the justice” still");

    /* a pronoun does not refer to a person named only after it */
    run("Anneliese Vorhaus met Greta Lindqvist-Ek in March.\n\n"
        "Counsel Mireille Dufort spoke next. She praised the plea, which she said had spared "
        "Ms Lindqvist-Ek “a long and painful trial”.");
    is_str(speaker(0), "Mireille Dufort", "…, which she said had spared NAME “…”: not NAME");

    /* a name inside a fronted "Asked whether …," clause is not the pronoun's */
    run("Marguerite Olsson-Beck said her side would regroup. Asked whether striker Tobias Grundmann "
        "would be fit, she laughed. “Come back on Monday,” she said.");
    is_str(speaker(0), "Marguerite Olsson-Beck", "Asked whether NAME …, she laughed. “…,” she said: not NAME");
    run("Pieter Hartogsveld said his side would regroup. Asked whether striker Tobias Grundmann "
        "would be fit, he laughed. “Come back on Monday,” he said.");
    is_str(speaker(0), "Pieter Hartogsveld", "the same with a man asked about a man");

    /* "which he described as “…”": the pronoun's; a reduced passive: nobody's */
    run("Oskar Thorvaldsen-Byrne ran the depot for years.\n\n"
        "Thorvaldsen-Byrne said the trains now ran at night, which he described as “a matter of survival”.");
    is_str(speaker(0), "Oskar Thorvaldsen-Byrne", "…, which he described as “…”: he");
    run("Oskar Thorvaldsen-Byrne ran the depot for years.\n\n"
        "The plan, described as “a matter of survival”, was approved.");
    is_str(speaker(0), "(null)", "a plan described as “…”: nobody's words");

    /* "the forum", "the chamber", "the trust": nouns for an organisation named before */
    run("The Lakeshore Tenants Forum wrote to the council on Monday.\n\n"
        "“Rents cannot keep rising,” the forum said in a statement.");
    is_str(speaker(0), "Lakeshore Tenants Forum", "“…,” the forum said: the forum named before");
    run("The Kessock Harbour Trust met the ministry on Monday.\n\n"
        "“We will keep the slipway open,” the trust said.");
    is_str(speaker(0), "Kessock Harbour Trust", "“…,” the trust said: the trust named before");

    /* a modifier, a place, then the role before the named subject of a colon cue */
    run("The final ended in a draw.\n\nAfter the match, former Ireland captain Siobhán Ní Cheallaigh, "
        "now a pundit, was scathing: “Nobody wanted the ball.”");
    is_str(speaker(0), "Siobhán Ní Cheallaigh", "former PLACE captain NAME, …, was scathing: “…”: NAME");

    /* a fronted prepositional phrase before the subject of a colon cue */
    run("Henrietta Baumgartner-Oyelaran founded the choir in 1971.\n\n"
        "In a 2004 interview with a local paper, she put her creed on record: “Sing first, argue later.”");
    is_str(speaker(0), "Henrietta Baumgartner-Oyelaran", "In a … interview, she …: “…”: she");

    /* NAME (ACRONYM), which …, said: the organisation */
    run("Ilse Marwitz retired in June.\n\nThe Baltic Herring Council (BHC), which funded her surveys "
        "for a decade, said she had been “impossible to replace”.");
    is_str(speaker(0), "Baltic Herring Council", "ORG (ACR), which …, said …“…”: ORG");

    /* "According to ORG, … “…”" with no speech verb before the quote */
    run("The Harbour Rowing Federation (HRF) met on Tuesday.\n\n"
        "According to the HRF, the regatta lost money in 2025 and “cannot go on in its present form”.");
    is_str(speaker(0), "Harbour Rowing Federation", "According to ORG, … and “…”: ORG");
    run("According to police, the driver told them the road was “like glass”.");
    is_str(speaker(0), "(null)", "a speech verb before the quote still decides");

    /* ", saying …“…”" with no speech verb before it: the pronoun opening the sentence */
    run("Magistrate Ottilie Brandvold-Sæle heard the bail application.\n\n"
        "She refused it, saying the risk of flight was “real and present”.");
    is_str(speaker(0), "Ottilie Brandvold-Sæle", "She refused it, saying …“…”: she");

    /* "the statement said" after a sentence reporting whose statement it is */
    run("Walter Brightmore was injured in the blast.\n\n"
        "Cordelia Ashdown-Pike did not attend. In a statement read by her sister, she said she still "
        "could not drive. “I see the flash every time I close my eyes,” the statement said.");
    is_str(speaker(0), "Cordelia Ashdown-Pike", "In a statement …, she said …; “…,” the statement said: she");

    /* Salem, an Arabic man's name: "he" after the lexicon said f */
    run("Hamed Quraishi chairs the port authority.\n\n"
        "The terminal was closed on Friday, Salem Bakhit al-Harthi said.\n\n"
        "“We turned away four ships,” he said.");
    is_str(speaker(0), "Salem Bakhit al-Harthi", "…, Salem … said. “…,” he said: Salem is a man's name");

    /* the name after an inverted speech verb is the topic a pronoun goes on with,
     * before an older person whose gender is known */
    run("Gustav Ellerby led the survey of the estuary.\n\n"
        "“It is the clearest result in years,” said Dr. Adebowale Kinsey-Ward, who was not involved.\n\n"
        "He said the method was sound. “Nobody has measured it this way before,” he said.");
    is_str(speaker(1), "Adebowale Kinsey-Ward", "“…,” said Dr. NAME, who …. He said … “…,” he said: NAME");

    /* "said the council pledge “…”": a noun compound in what was said, not a
     * speech verb whose subject is "the council" */
    run("The Marsh Harbour Trust sent boats to the island.\n\n"
        "A fisheries officer said the council pledge “will not reach us before spring”.");
    is_str(speaker(0), "(null)", "an officer said the council pledge “…”: the unnamed officer's");

    /* a quote in a relative clause on an inverted subject describes him; the
     * next sentence of the paragraph is still his */
    run("“The price is fine,” said Tobias Wendling, a broker who keeps a “sell” tag on the shares. "
        "“The timing is not.”");
    is_str(speaker(1), "(null)", "said NAME, a broker who keeps a “…” tag: nobody's words");
    is_str(speaker(2), "Tobias Wendling", "the sentence after goes on with NAME");

    /* "the journal" refers back to a journal named before */
    run("The study appeared in the Nordic Fisheries Review, and Ulla Brandt of the Marine Lab led it.\n\n"
        "“Such claims need more than one season of data,” the journal said in an editorial.");
    is_str(speaker(0), "Nordic Fisheries Review", "“…,” the journal said: the journal named before");

    /* "NAME said in a statement that …. “…,” the statement said": NAME's,
     * not the organisation named last */
    run("The Pier Trust met on Monday.\n\n"
        "Halvard Osei-Brandt said in a statement that he would not resign. "
        "“My record speaks for itself,” the statement said.");
    is_str(speaker(0), "Halvard Osei-Brandt", "NAME said in a statement …; “…,” the statement said: NAME");

    /* a sports position before the name of an inverted cue */
    run("The Comets lost by two.\n\n“We let it slip,” said forward Ty Abernathy-Cole.");
    is_str(speaker(0), "Ty Abernathy-Cole", "“…,” said forward NAME: NAME");

    /* TITLE NAME of ORG, who …, VERB: the person, the title before the name */
    run("Dr. Maren Fjeldstad of the Tromsø Polar Institute, who led the survey, called the decline “alarming.”");
    is_str(speaker(0), "Maren Fjeldstad", "Dr. NAME of ORG, who …, called …“…”: NAME");

    /* an age before the name of an inverted cue */
    run("The ferry sank in minutes.\n\n“We swam for an hour,” said 71-year-old Grete Solheim-Aas, a retired teacher.");
    is_str(speaker(0), "Grete Solheim-Aas", "“…,” said N-year-old NAME: NAME");

    /* industry nouns for a company: "the drugmaker said" */
    run("Halcyon Biologics cut 300 jobs.\n\n“The pipeline remains strong,” the drugmaker said.");
    is_str(speaker(0), "Halcyon Biologics", "“…,” the drugmaker said: the company named before");

    /* ROLE, TITLE NAME of ORG, said: the person in apposition, not the organisation */
    run("The paper's lead author, Prof. Ilona Vasquez-Tamm of the Baltic Sea Institute, said the trend was “unmistakable.”");
    is_str(speaker(0), "Ilona Vasquez-Tamm", "The paper's lead author, Prof. NAME of ORG, said …“…”: NAME");

    /* ", adding:" after a speech verb and a quote: the speech verb's subject */
    run("The harbour reopened.\n\nCaptain Ilse Marchetti-Vogt said the crews had been “heroic,” adding: “I have never seen a tide like it.”");
    is_str(speaker(1), "Ilse Marchetti-Vogt", "NAME said … “…,” adding: “…”: NAME");
    run("The vote was close.\n\nTomas Ekwueme-Lind said he was relieved, adding: “Now the real work starts.”");
    is_str(speaker(0), "Tomas Ekwueme-Lind", "NAME said …, adding: “…”: NAME");

    /* an organisation noun owned by an unnamed role-holder: nobody named */
    run("The Harbour Trust backed the plan.\n\nThe governor’s office said the deal was “a fair start.”");
    is_str(speaker(0), "(null)", "the ROLE’s office said “…”: not the organisation named before");
    run("The Harbour Trust backed the plan. Officials met Deputy Minister Karen Verwoerd-Lang on Friday.\n\nVerwoerd-Lang’s department said the deal was “a fair start.”");
    is_str(speaker(0), "(null)", "NAME’s department said “…”: not the organisation named before");

    doc_free(doc);
    return tap_done();
}
