# embed.awk — turns the lexicon data files into one C file of string constants,
# so the word lists stay readable data in the repository and cost nothing to load.
# Blank lines and lines starting with '#' are dropped. Each file FOO.txt becomes
# an entry "FOO" in lexicon_blobs[], its text lexicon_blob_FOO (which the hash
# tables generated from it point at: see lexicon.c). Lines are printed as they
# are read (never accumulated), so a list of 60,000 names costs linear time.
function close_blob() {
    if (name == "") return
    if (!lines) printf "    \"\"\n"
    printf ";\n"
    names[n++] = name
}
BEGIN { n = 0; name = ""; print "#include \"engine/lexicon.h\"" }
FNR == 1 {
    close_blob()
    name = FILENAME; sub(/.*\//, "", name); sub(/\.[^.]*$/, "", name)
    gsub(/[^A-Za-z0-9_]/, "_", name)
    printf "const char lexicon_blob_%s[] =\n", name
    lines = 0
}
/^[ \t]*(#|$)/ { next }
{
    line = $0
    sub(/\r$/, "", line)
    gsub(/\\/, "\\\\", line); gsub(/"/, "\\\"", line)
    printf "    \"%s\\n\"\n", line
    lines++
}
END {
    close_blob()
    print "const struct lexicon_blob lexicon_blobs[] = {"
    for (i = 0; i < n; i++) printf "    { \"%s\", lexicon_blob_%s, sizeof lexicon_blob_%s - 1 },\n", names[i], names[i], names[i]
    print "    { 0, 0, 0 }"
    print "};"
}
