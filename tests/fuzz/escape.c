/* escape.c - libFuzzer target for the text escapers: the first input byte
 * picks the escaper (byte % NESCAPERS) and its options, the rest is the
 * text.  Each escaper has a checker for the properties its output must
 * have; add a new escaper (say the HTML report's) as one more entry in
 * escapers[] with its checker.
 *
 * Escaper 0, the map labels (viz/text.c label_text_just, reached by
 * including text.c so it can stay static): the label is valid UTF-8, has
 * no control character other than the one line break it may add, no
 * bidirectional override or non-character, no Graphviz escape other than
 * \\ (a backslash) and, when left-justified, \l (a line end), no & other
 * than &amp;, at most max characters; and a one-node graph with that label
 * rendered to SVG by Graphviz (through viz/gv.c, as maps are) is
 * well-formed XML (libxml2) whose text is the label's text, drawn
 * literally. */
#include "../../viz/text.c"

#include <libxml/parser.h>
#include <libxml/tree.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond, ...)                                                         \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "escape fuzzer: " __VA_ARGS__);          \
			fputc('\n', stderr);                                     \
			abort();                                                 \
		}                                                                \
	} while (0)

static int gv_started;

/* Strict UTF-8 decoding: -1 on any invalid, overlong or surrogate sequence. */
static long strict_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	const unsigned char *q = p;
	uint32_t c = utf8_next(&q);

	if (c == 0xFFFD && !(p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD))
		return -1;
	*s = q;
	return (long)c;
}

/* Concatenated text of every <text> element under node. */
static void collect_text(xmlNode *node, char *buf, size_t cap, size_t *n)
{
	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, "text")) {
			xmlChar *t = xmlNodeGetContent(node);
			size_t k = t ? strlen((const char *)t) : 0;
			CHECK(*n + k < cap, "SVG text too long");
			memcpy(buf + *n, t, k);
			*n += k;
			xmlFree(t);
		} else if (node->type == XML_ELEMENT_NODE)
			collect_text(node->children, buf, cap, n);
	}
}

/* Renders a one-node graph labelled `label` to SVG, checks it is
 * well-formed XML and that its text is `want`. */
static void render_check(const char *label, const char *want)
{
	struct viz_draw d;
	struct cm_error err;
	char *svg = NULL;
	size_t len = 0, n;
	xmlDoc *doc;
	static char text[16384];
	size_t tn = 0;

	viz_new_drawing(&d);
	n = viz_draw_node(&d);
	viz_draw_set(&d, n, "label", label);
	viz_draw_set(&d, n, "shape", "plaintext");
	viz_draw_set(&d, n, "pos", "0,0");
	CHECK(viz_gv_render(&d, "svg", &svg, &len, &err) == CM_OK, "render failed: %s", err.message);
	viz_draw_release(&d);
	doc = xmlReadMemory(svg, (int)len, "label.svg", "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	CHECK(doc, "SVG for label [%s] is not well-formed XML:\n%.*s", label, (int)len, svg);
	collect_text(xmlDocGetRootElement(doc), text, sizeof(text), &tn);
	text[tn] = '\0';
	CHECK(!strcmp(text, want), "SVG draws [%s], expected [%s]", text, want);
	xmlFreeDoc(doc);
	free(svg);
}

/* Checks a map label made from the text s (max, wrap, left as given). */
static void check_label(const char *s, size_t max, size_t wrap, int left)
{
	int lines = -1, breaks = 0;
	char *out = label_text_just(s, max, wrap, left, &lines);
	const unsigned char *p;
	char *want, *w;
	size_t chars = 0;
	long c;

	CHECK(out, "label_text_just returned NULL");
	if (max > VIZ_TEXT_MAX)
		max = VIZ_TEXT_MAX;
	want = malloc(strlen(out) + 1);
	CHECK(want, "out of memory");
	w = want;
	for (p = (const unsigned char *)out; *p;) {
		if (*p == '\\') {
			CHECK(p[1] == '\\' || (left && p[1] == 'l'), "unescaped Graphviz escape \\%c in [%s]", p[1], out);
			if (p[1] == 'l')
				breaks++; /* \l ends a line: Graphviz draws no character */
			else
				*w++ = '\\', chars++;
			p += 2;
			continue;
		}
		if (*p == '&') {
			CHECK(!strncmp((const char *)p, "&amp;", 5), "bare & in [%s]", out);
			*w++ = '&', chars++;
			p += 5;
			continue;
		}
		if (*p == '\n') {
			CHECK(!left && wrap, "line break in [%s] without wrap", out);
			breaks++;
			p++;
			continue;
		}
		{
			const unsigned char *q = p;
			c = strict_next(&p);
			CHECK(c >= 0, "invalid UTF-8 in [%s]", out);
			CHECK(c >= 0x20 && !(c >= 0x7F && c < 0xA0) && c != 0x2028 && c != 0x2029,
			      "control character U+%04lX in [%s]", (unsigned long)c, out);
			CHECK(!invisible((uint32_t)c), "invisible U+%04lX in [%s]", (unsigned long)c, out);
			memcpy(w, q, (size_t)(p - q));
			w += p - q;
			chars++;
		}
	}
	*w = '\0';
	CHECK(chars <= (max ? max : 1), "%zu characters, max %zu: [%s]", chars, max, out);
	CHECK(strstr(want, "  ") == NULL, "a run of spaces in [%s]", out);
	if (left) {
		CHECK(lines == (breaks > 1 ? 2 : 1), "lines %d, \\l count %d: [%s]", lines, breaks, out);
	} else
		CHECK(lines == breaks + 1 && breaks <= 1, "lines %d, breaks %d: [%s]", lines, breaks, out);
	render_check(out, want);
	free(want);
	free(out);
}

struct escaper {
	const char *name;
	void (*check)(const char *text, unsigned opt);
};

static void map_label(const char *text, unsigned opt)
{
	static const size_t maxes[] = { 40, 30, 1, 200, 0, 3, 22, 500 };

	check_label(text, maxes[opt & 7], (opt & 8) ? 22 : 0, (opt >> 4) & 1);
}

static const struct escaper escapers[] = {
	{ "map label", map_label },
};
#define NESCAPERS (sizeof(escapers) / sizeof(*escapers))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	unsigned sel;

	if (size < 1 || size > 4096)
		return 0;
	if (!gv_started) {
		struct cm_error err;
		CHECK(viz_gv_begin(&err) == CM_OK, "cannot start Graphviz: %s", err.message);
		gv_started = 1; /* Graphviz's messages stay ours for the process */
	}
	sel = data[0];
	text = malloc(size);
	CHECK(text, "out of memory");
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0'; /* labels come from C strings: NUL ends them */
	escapers[sel % NESCAPERS].check(text, sel / NESCAPERS);
	free(text);
	return 0;
}
