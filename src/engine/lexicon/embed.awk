# embed.awk — turns the lexicon data files into one C file of string constants,
# so the word lists stay readable data in the repository and cost nothing to load.
# Blank lines and lines starting with '#' are dropped. Each file FOO.txt becomes
# an entry "FOO" in lexicon_blobs[].
function flush() {
    if (name == "") return
    printf "static const char blob_%s[] =\n%s;\n", name, (body == "" ? "\"\"" : body)
    names[n++] = name
}
BEGIN { n = 0; name = ""; print "#include \"engine/lexicon.h\"" }
FNR == 1 {
    flush()
    name = FILENAME; sub(/.*\//, "", name); sub(/\.[^.]*$/, "", name)
    gsub(/[^A-Za-z0-9_]/, "_", name)
    body = ""
}
/^[ \t]*(#|$)/ { next }
{
    line = $0
    gsub(/\\/, "\\\\", line); gsub(/"/, "\\\"", line)
    body = body "    \"" line "\\n\"\n"
}
END {
    flush()
    print "const struct lexicon_blob lexicon_blobs[] = {"
    for (i = 0; i < n; i++) printf "    { \"%s\", blob_%s, sizeof blob_%s - 1 },\n", names[i], names[i], names[i]
    print "    { 0, 0, 0 }"
    print "};"
}
