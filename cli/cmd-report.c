/* cmd-report.c - coalmap report: one file for people who do not run
 * coalmap, in HTML (self-contained, with the map inline) or Markdown.
 *
 * The report is a list of parts, each a heading, a short reading and a
 * result table from the analyses the other commands run; the two formats
 * only differ in how a part is written. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

#define KEY_ORGS_TOP 15
#define PARTNERS_TOP 10
#define ROUTES_TOP 12
#define SECTION_TOP 12 /* rows per section of the power and gaps findings */

/* ---- one part of the report */

struct part {
	const char *anchor;      /* HTML id */
	char *heading;           /* owned */
	char *intro;             /* owned, may be NULL */
	struct cm_table table;
	char *note;              /* owned, may be NULL: shown under the table */
	int map;                 /* the map goes here instead of a table */
};

struct report {
	enum cli_format fmt;
	char *title;
	char *lede;
	struct part parts[8];
	size_t nparts;
	char *svg;               /* the map, or NULL */
	size_t svglen;
	char *map_caption;
	char *footer;
};

static char *vformat(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		return NULL;
	return s;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Adds a part; its table is left empty for the caller to fill.  NULL when
 * memory runs out. */
static struct part *add_part(struct report *r, const char *anchor, char *heading, char *intro)
{
	struct part *p = &r->parts[r->nparts];

	if (!heading || r->nparts == sizeof(r->parts) / sizeof(*r->parts)) {
		free(heading);
		free(intro);
		return NULL;
	}
	r->nparts++;
	p->anchor = anchor;
	p->heading = heading;
	p->intro = intro;
	cm_table_init(&p->table, 0);
	return p;
}

static void report_release(struct report *r)
{
	size_t i;

	for (i = 0; i < r->nparts; i++) {
		free(r->parts[i].heading);
		free(r->parts[i].intro);
		free(r->parts[i].note);
		cm_table_release(&r->parts[i].table);
	}
	free(r->title);
	free(r->lede);
	free(r->svg);
	free(r->map_caption);
	free(r->footer);
	memset(r, 0, sizeof(*r));
}

/* ---- tables for readers: chosen columns under plain names */

struct pick {
	const char *from;  /* column of the source table */
	const char *as;    /* heading in the report */
	int yes;           /* a 0/1 column shown as "yes" or blank */
};

/* "money_and_position" -> "Money and position". */
static char *pretty(const char *s)
{
	char *p, *out = strdup(s);

	if (!out)
		return NULL;
	for (p = out; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
	return out;
}

/* Copies cell (r, s) of src to (d, t) of dst as the pick says. */
static int copy_cell(const struct cm_table *src, size_t s, size_t r, struct cm_table *dst, size_t t, size_t d,
		     const struct pick *pk)
{
	const struct cm_column *c = &src->cols[s];
	char *v;
	int bad;

	if (c->null[r])
		return 0;
	if (pk->yes)
		return c->kind == CM_INT && c->ints[r] ? cm_table_set_text(dst, t, d, "yes") : 0;
	if (c->kind == CM_INT) {
		cm_table_set_int(dst, t, d, c->ints[r]);
		return 0;
	}
	if (c->kind == CM_REAL) {
		cm_table_set_real(dst, t, d, c->reals[r]);
		return 0;
	}
	v = strcmp(pk->from, "section") == 0 ? pretty(c->text[r]) : NULL;
	bad = cm_table_set_text(dst, t, d, v ? v : c->text[r]);
	free(v);
	return bad;
}

/* Copies the first rows (0 = all) of the picked columns of src into dst
 * (caller-initialised); columns missing from src are left out.  When src
 * has a "section" column, its values are made readable and each section
 * keeps at most per_section rows (0 = all), then a row in its last column
 * saying how many more `more` lists.  Returns 0 or -1 (memory). */
static int pick(const struct cm_table *src, const struct pick *cols, size_t ncols, size_t rows,
		size_t per_section, const char *more, struct cm_table *dst)
{
	size_t n = rows && rows < src->nrows ? rows : src->nrows, j, r, in = 0, skipped = 0;
	int from[8], sec = cm_table_find(src, "section");
	const struct pick *used[8];
	size_t nused = 0;

	cm_table_release(dst);
	cm_table_init(dst, 0);
	for (j = 0; j < ncols && nused < 8; j++) {
		int s = cm_table_find(src, cols[j].from);
		if (s < 0)
			continue;
		if (cm_table_add_column(dst, cols[j].as, cols[j].yes ? CM_TEXT : src->cols[s].kind) < 0)
			return -1;
		from[nused] = s;
		used[nused++] = &cols[j];
	}
	if (sec < 0 || src->cols[sec].kind != CM_TEXT || nused < 2 || from[0] != sec)
		per_section = 0; /* cut only when the section comes first */
	for (r = 0; r <= n; r++) {
		long d;
		if (per_section && r > 0 && (r == n || strcmp(src->cols[sec].text[r], src->cols[sec].text[r - 1]))) {
			if (skipped) { /* close the section with a count */
				char *msg = format("\xE2\x80\xA6 and %zu more (%s)", skipped, more);
				int bad = !msg || (d = cm_table_add_row(dst)) < 0 ||
					  cm_table_set_text(dst, 0, (size_t)d, dst->cols[0].text[d - 1]) < 0 ||
					  cm_table_set_text(dst, nused - 1, (size_t)d, msg) < 0;
				free(msg);
				if (bad)
					return -1;
			}
			in = skipped = 0;
		}
		if (r == n)
			break;
		if (per_section && ++in > per_section) {
			skipped++;
			continue;
		}
		if ((d = cm_table_add_row(dst)) < 0)
			return -1;
		for (j = 0; j < nused; j++)
			if (copy_cell(src, (size_t)from[j], r, dst, j, (size_t)d, used[j]) < 0)
				return -1;
	}
	return 0;
}

/* ---- writing */

static void md_line(FILE *f, const char *s)
{
	cli_md_text(s, f);
	fputs("\n\n", f);
}

static void write_part_html(const struct report *r, const struct part *p, FILE *f)
{
	fprintf(f, "<section id=\"%s\">\n<h2>", p->anchor);
	cli_html_text(p->heading, f);
	fputs("</h2>\n", f);
	if (p->intro) {
		fputs("<p class=\"intro\">", f);
		cli_html_text(p->intro, f);
		fputs("</p>\n", f);
	}
	if (p->map) {
		const char *svg = r->svg ? strstr(r->svg, "<svg") : NULL;
		fputs("<figure>\n", f);
		if (svg)
			fwrite(svg, 1, r->svglen - (size_t)(svg - r->svg), f);
		if (r->map_caption) {
			fputs("<figcaption>", f);
			cli_html_text(r->map_caption, f);
			fputs("</figcaption>\n", f);
		}
		fputs("</figure>\n", f);
	} else if (p->table.nrows) {
		cli_html_table(&p->table, f);
	}
	if (p->note) {
		fputs("<p class=\"note\">", f);
		cli_html_text(p->note, f);
		fputs("</p>\n", f);
	}
	fputs("</section>\n", f);
}

static void write_html(const struct report *r, FILE *f)
{
	size_t i;

	cli_html_begin(r->title, f);
	fputs("<header>\n<h1>", f);
	cli_html_text(r->title, f);
	fputs("</h1>\n<p class=\"lede\">", f);
	cli_html_text(r->lede, f);
	fputs("</p>\n</header>\n<nav>\n<ol>\n", f);
	for (i = 0; i < r->nparts; i++) {
		fprintf(f, "<li><a href=\"#%s\">", r->parts[i].anchor);
		cli_html_text(r->parts[i].heading, f);
		fputs("</a></li>\n", f);
	}
	fputs("</ol>\n</nav>\n", f);
	for (i = 0; i < r->nparts; i++)
		write_part_html(r, &r->parts[i], f);
	fputs("<footer>", f);
	cli_html_text(r->footer, f);
	fputs("</footer>\n", f);
	cli_html_end(f);
}

static void write_md(const struct report *r, const char *map_file, FILE *f)
{
	size_t i;

	fputs("# ", f);
	md_line(f, r->title);
	md_line(f, r->lede);
	for (i = 0; i < r->nparts; i++) {
		const struct part *p = &r->parts[i];
		fputs("## ", f);
		md_line(f, p->heading);
		if (p->intro)
			md_line(f, p->intro);
		if (p->map) {
			if (map_file) {
				const char *base = strrchr(map_file, '/');
				fputs("![Map of the landscape](", f);
				/* a relative link: the map sits next to the report */
				for (base = base ? base + 1 : map_file; *base; base++)
					if (*base == ' ' || *base == '(' || *base == ')' || *base == '<' || *base == '>')
						fprintf(f, "%%%02X", (unsigned char)*base);
					else
						fputc(*base, f);
				fputs(")\n\n", f);
			} else {
				md_line(f, "(The map is written next to the report when the report goes to a file; "
					   "'coalmap map' draws it on its own.)");
			}
			if (r->map_caption)
				md_line(f, r->map_caption);
		} else if (p->table.nrows) {
			cli_write_table(&p->table, FMT_MD, f);
			fputc('\n', f);
		}
		if (p->note)
			md_line(f, p->note);
	}
	fputs("---\n\n", f);
	md_line(f, r->footer);
}

/* ---- the analyses */

struct opts {
	const char *for_org;
	const char *group_by;
	struct cm_strlist targets;
	size_t key_players;
	size_t top;
	const char *title;
	const char *name;        /* from the folder, for titles */
};

static const char *sum_value(const struct cm_table *t, const char *item, char *buf, size_t n)
{
	size_t r;
	int ic = cm_table_find(t, "item"), vc = cm_table_find(t, "value");

	snprintf(buf, n, "?");
	for (r = 0; ic >= 0 && vc >= 0 && r < t->nrows; r++)
		if (!t->cols[ic].null[r] && strcmp(t->cols[ic].text[r], item) == 0 && !t->cols[vc].null[r])
			snprintf(buf, n, "%lld", t->cols[vc].ints[r]);
	return buf;
}

/* Fills the parts.  Returns 0 or an exit status after printing the error.
 * Long: one block per part, in the order the reader meets them, each
 * asking an analysis for its table; the report's document model (issue 14)
 * is to take this apart, so it is left whole here. */
static int build(struct report *r, const struct cm_landscape *l, const struct cm_filter *f,
		 const struct opts *o)
{
	static const struct pick key_cols[] = {
		{ "name", "organization", 0 }, { "type", "type", 0 }, { "degree", "partners", 0 },
		{ "betweenness_norm", "brokerage", 0 }, { "harmonic", "reach", 0 }, { "pagerank", "PageRank", 0 },
		{ "community", "community", 0 }, { "articulation", "single point of failure", 1 },
	};
	static const struct pick finding_cols[] = {
		{ "section", "section", 0 }, { "subject", "about", 0 }, { "reading", "finding", 0 },
	};
	static const struct pick partner_cols[] = {
		{ "rank", "rank", 0 }, { "name", "organization", 0 }, { "type", "type", 0 }, { "score", "score", 0 },
		{ "why", "why", 0 }, { "risk", "risk", 0 },
	};
	static const struct pick route_cols[] = {
		{ "name", "decision-maker", 0 }, { "type", "type", 0 }, { "length", "steps", 0 }, { "trust", "trust", 0 },
		{ "path", "route", 0 },
	};
	struct cm_table t;
	struct cm_error err;
	struct cm_power_opts po;
	struct cm_gaps_opts go;
	struct cm_map_opts mo;
	struct cm_map_info info;
	struct part *p;
	char a[32], b[32], c[32], d[32], e[32], g[32];
	const char *for_name = NULL;
	size_t k = cm_path_samples(l, f);
	int rc = 70, col;

	cm_table_init(&t, 0);
	cm_error_clear(&err);
	if (o->for_org) {
		long i = cm_org_find(l, o->for_org);
		if (i < 0) {
			cli_progress_end();
			fprintf(stderr, "%s: %s: no organization with id '%s'\n", cli_progname,
				cm_landscape_orgs_path(l), o->for_org);
			return 64;
		}
		for_name = cm_landscape_org_name(l, (size_t)i);
	}

	/* summary */
	if (cm_check_summary(l, f, &t, &err) < 0)
		goto fail;
	r->title = o->title ? strdup(o->title) :
		   for_name ? format("%s: partners and power, for %s", o->name, for_name) :
			      format("%s: the coalition landscape", o->name);
	sum_value(&t, "organizations", a, sizeof(a));
	sum_value(&t, "ties", b, sizeof(b));
	sum_value(&t, "collaboration edges", c, sizeof(c));
	sum_value(&t, "components", d, sizeof(d));
	sum_value(&t, "largest component", e, sizeof(e));
	sum_value(&t, "isolates", g, sizeof(g));
	r->lede = format("%s organizations and %s ties between them (%s collaboration links once conflicts "
			 "are set aside and parallel ties merged), in %s separate part%s; the largest holds %s "
			 "organizations and %s %s no tie at all.%s%s",
			 a, b, c, d, strcmp(d, "1") ? "s" : "", e, g, strcmp(g, "1") ? "have" : "has",
			 f->has_at ? " Ties as they stood on the --at date." : "",
			 f->types ? " Only the tie types chosen with --types." : "");
	if (!r->title || !r->lede)
		goto nomem;

	/* the map */
	memset(&mo, 0, sizeof(mo));
	mo.format = "svg";
	mo.name = o->name;
	mo.highlight_gaps = o->for_org;
	cm_error_clear(&err);
	if (cm_map_render(l, f, &mo, &r->svg, &r->svglen, &info, &err) < 0) {
		if (err.code != CM_EUSAGE || !o->for_org)
			goto fail;
		mo.highlight_gaps = NULL; /* too large to draw org by org: no partner lines */
		cm_error_clear(&err);
		if (cm_map_render(l, f, &mo, &r->svg, &r->svglen, &info, &err) < 0)
			goto fail;
	}
	if (!(p = add_part(r, "map", strdup("The map"),
			   strdup("Each shape is an organization, its colour the organization's type and its "
				  "size the number of partners; line styles tell tie types apart, as the "
				  "legend shows."))))
		goto nomem;
	p->map = 1;
	r->map_caption = format("%zu organizations drawn%s%s%s.", info.orgs,
				info.auto_aggregate ? " as their communities (too many to draw one by one)" : "",
				info.labels_limited ? "; labels name the top brokers" : "",
				info.suggested ? "; heavy dashed lines lead to the recommended partners" : "");
	if (!r->map_caption)
		goto nomem;

	/* key organizations */
	cm_table_release(&t);
	cm_table_init(&t, 0);
	if (cm_metrics_compute(l, f, &t, &err) < 0)
		goto fail;
	if ((col = cm_table_find(&t, "betweenness")) >= 0 && cm_table_sort(&t, (size_t)col, 1) < 0)
		goto nomem;
	if (!(p = add_part(r, "key-organizations", strdup("Key organizations"),
			   strdup("The organizations that hold the network together, by brokerage: how often "
				  "an organization lies on the shortest chains between others (betweenness, "
				  "0 to 1). Reach is harmonic closeness (how near it is to everyone); a single "
				  "point of failure is an organization whose departure splits the network."))))
		goto nomem;
	if (pick(&t, key_cols, sizeof(key_cols) / sizeof(*key_cols), o->top ? o->top : KEY_ORGS_TOP,
		 0, NULL, &p->table) < 0)
		goto nomem;
	if (k && !(p->note = format("Brokerage and reach are estimated from %zu of the %zu organizations "
				    "taken at random as starting points ('coalmap metrics --exact' computes "
				    "them exactly).", k, cm_landscape_norgs(l))))
		goto nomem;

	/* power */
	memset(&po, 0, sizeof(po));
	po.group_by = o->group_by;
	po.targets = o->targets.v;
	po.ntargets = o->targets.n;
	po.key_players = o->key_players;
	cm_table_release(&t);
	cm_table_init(&t, 0);
	if (cm_power_compute(l, f, &po, &t, &err) < 0)
		goto fail;
	if (!(p = add_part(r, "power", strdup("Who holds the power"),
			   strdup("How centralized and unequal the network is, whether money buys position, "
				  "who reaches decision-makers and who stands in the way, and who depends on "
				  "whom for funding. Definitions: docs/power.md."))))
		goto nomem;
	if (pick(&t, finding_cols, 3, 0, SECTION_TOP, "'coalmap power' lists them all", &p->table) < 0)
		goto nomem;

	/* gaps */
	cm_gaps_opts_init(&go);
	go.group_by = o->group_by;
	go.targets = o->targets;
	cm_table_release(&t);
	cm_table_init(&t, 0);
	if (cm_gaps_landscape(l, f, &go, &t, &err) < 0)
		goto fail;
	if (!(p = add_part(r, "gaps", strdup("Gaps in the landscape"),
			   strdup("Organizations left out, groups cut off from every decision-maker, "
				  "communities with few or no ties between them (structural holes worth "
				  "bridging), single points of failure, and types of organization that are "
				  "absent or thin. Definitions: docs/gaps.md."))))
		goto nomem;
	if (pick(&t, finding_cols, 3, 0, SECTION_TOP, "'coalmap gaps' lists them all", &p->table) < 0)
		goto nomem;

	if (o->for_org) {
		go.for_org = o->for_org;
		go.top = o->top ? o->top : PARTNERS_TOP;
		cm_table_release(&t);
		cm_table_init(&t, 0);
		if (cm_gaps_recommend(l, f, &go, &t, &err) < 0)
			goto fail;
		if (!(p = add_part(r, "partners", format("Recommended partners for %s", for_name),
				   strdup("Organizations not yet tied to it, ranked by a score that weighs "
					  "closeness in the network, shared issues, complementary skills, new "
					  "reach and access to decision-makers; risks are flagged, not hidden. "
					  "Definitions: docs/gaps.md."))))
			goto nomem;
		if (pick(&t, partner_cols, sizeof(partner_cols) / sizeof(*partner_cols), 0, 0, NULL, &p->table) < 0)
			goto nomem;
		if (!t.nrows && !(p->note = strdup("No organization is left to recommend.")))
			goto nomem;

		cm_table_release(&t);
		cm_table_init(&t, 0);
		if (cm_path_targets(l, f, o->for_org, &o->targets, ROUTES_TOP, &t, &err) < 0)
			goto fail;
		if (!(p = add_part(r, "routes", format("Routes to decision-makers for %s", for_name),
				   strdup("For each decision-maker, the shortest chain of ties that could carry "
					  "an introduction, the most trusted first (trust multiplies along the "
					  "chain; unknown trust counts as 0.5). Blank rows: no chain at all."))))
			goto nomem;
		if (pick(&t, route_cols, sizeof(route_cols) / sizeof(*route_cols), 0, 0, NULL, &p->table) < 0)
			goto nomem;
		if (!t.nrows && !(p->note = strdup("The landscape has no decision-makers of these types.")))
			goto nomem;
	}

	r->footer = format("Made by coalmap %s from %s and %s. Every figure is defined in coalmap's "
			   "documentation (docs/power.md, docs/gaps.md, docs/maps.md).",
			   PACKAGE_VERSION, cm_landscape_orgs_path(l), cm_landscape_ties_path(l));
	if (!r->footer)
		goto nomem;
	cm_table_release(&t);
	return 0;
nomem:
	cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
fail:
	rc = cli_fail(&err);
	cm_table_release(&t);
	return rc;
}

/* FILE.md -> FILE-map.svg (malloc'd). */
static char *map_name(const char *output)
{
	const char *dot = strrchr(output, '.'), *slash = strrchr(output, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - output) : strlen(output);
	char *s = malloc(stem + sizeof("-map.svg"));

	if (s)
		sprintf(s, "%.*s-map.svg", (int)stem, output);
	return s;
}

struct args {
	const char *for_org, *group_by, *title;
	struct cli_list targets;
	long key_players, top;
};

static const struct args defaults = { .key_players = 5 };

#define ARG(f) offsetof(struct args, f)

static const struct cli_option options[] = {
	{ .name = "output", .kind = CLI_OPT_COMMON,
	  .help = "the report (written whole or not at all); the format comes from the extension "
		  "(.html, .htm or .md)" },
	{ .name = "format", .kind = CLI_OPT_COMMON, .help = "html (default) or md" },
	{ .name = "for", .arg = "ORG", .kind = CLI_OPT_STRING, .offset = ARG(for_org),
	  .help = "add recommended partners for ORG (as 'coalmap gaps --for ORG') and its best route to "
		  "every decision-maker (as 'coalmap path'); the map marks the partners" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = ARG(group_by),
	  .help = "compare groups of this column in the power briefing and the recommendations (region, "
		  "type, ...)" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = ARG(targets),
	  .expect = "a comma-separated list of org types",
	  .help = "org types that are decision-makers (default decision_maker,government)" },
	{ .name = "key-players", .arg = "K", .kind = CLI_OPT_LONG, .offset = ARG(key_players),
	  .min = 0, .max = 1000, .help = "key players in the power briefing (default 5; 0 none)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = ARG(top), .min = 1, .max = 1000,
	  .help = "rows in the key-organizations and partners tables (default " CLI_STR(KEY_ORGS_TOP)
		  " and " CLI_STR(PARTNERS_TOP) ")" },
	{ .name = "title", .arg = "TEXT", .kind = CLI_OPT_STRING, .offset = ARG(title),
	  .help = "the report's title (default: from the folder's name)" },
	{ .name = "quiet", .kind = CLI_OPT_COMMON, .help = "no progress display and no closing note" },
	{ .name = NULL },
};

/* HTML unless --format or -o's extension says otherwise. */
static int check(struct cli_ctx *cx, void *args)
{
	struct cli_common *c = &cx->common;

	(void)args;
	if (!c->format_set && (!c->output || !strrchr(c->output, '.')))
		c->format = FMT_HTML, c->format_set = 1;
	return 0;
}

/* Builds the report, then writes it (and, in Markdown, its map beside it):
 * the map first, so that a report never points at a map that is not there. */
static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct report r;
	struct opts o;
	struct cm_landscape *l = cx->landscape;
	struct cli_out out, mapout;
	char *mapfile = NULL, namebuf[256];
	int rc, open_out = 0, open_map = 0;

	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	o.for_org = a->for_org;
	o.group_by = a->group_by;
	o.title = a->title;
	o.targets.v = (const char *const *)a->targets.v;
	o.targets.n = a->targets.n;
	o.key_players = (size_t)a->key_players;
	o.top = (size_t)a->top;
	o.name = cli_folder_title(cx->argv[0], namebuf, sizeof(namebuf));
	if (c->format != FMT_HTML && c->format != FMT_MD) {
		rc = cli_usage_error("report", "a report is html or md; '%s' needs one of those extensions "
				     "(or --format html|md)", c->output ? c->output : "-");
		goto out;
	}
	r.fmt = c->format;
	if ((rc = build(&r, l, &c->filter, &o)))
		goto out;
	cli_progress_end();
	{
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		int to_file = c->output && strcmp(c->output, "-") != 0;
		if (r.fmt == FMT_MD && to_file && r.svg) {
			if (!(mapfile = map_name(c->output))) {
				fprintf(stderr, "%s: out of memory\n", cli_progname);
				rc = 70;
				goto out;
			}
			if ((rc = cli_out_open(&mapout, mapfile, inputs)))
				goto out;
			open_map = 1;
			if (fwrite(r.svg, 1, r.svglen, mapout.f) != r.svglen) {
				fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, mapfile, strerror(errno));
				rc = 73;
				goto out;
			}
		}
		if ((rc = cli_out_open(&out, c->output, inputs)))
			goto out;
		open_out = 1;
	}
	if (r.fmt == FMT_HTML)
		write_html(&r, out.f);
	else
		write_md(&r, mapfile, out.f);
	if (ferror(out.f)) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, c->output ? c->output : "standard output",
			strerror(errno));
		rc = 73;
		goto out;
	}
	/* the map first: a report never points at a map that is not there */
	if (open_map) {
		open_map = 0;
		if ((rc = cli_out_commit(&mapout)))
			goto out;
	}
	open_out = 0;
	if ((rc = cli_out_commit(&out)))
		goto out;
	if (!c->quiet && c->output && strcmp(c->output, "-") != 0) {
		char *abs = realpath(c->output, NULL);
		fprintf(stderr, "%s: wrote %s%s%s\n", cli_progname, abs ? abs : c->output,
			mapfile ? " and " : "", mapfile ? mapfile : "");
		free(abs);
	}
out:
	if (open_out)
		cli_out_abort(&out);
	if (open_map)
		cli_out_abort(&mapout);
	free(mapfile);
	report_release(&r);
	return rc;
}

const struct cli_command cli_cmd_report = {
	.name = "report",
	.summary = "one file to hand on: summary, map, key orgs, power, gaps, partners",
	.usage = "LANDSCAPE -o FILE.html|FILE.md [options]",
	.description =
		"Writes one report for people who do not run coalmap: a summary of the\n"
		"landscape, the map, the key organizations, the power briefing and the\n"
		"landscape's gaps; with --for, the partners to add and the routes to\n"
		"decision-makers too.\n"
		"\n"
		"HTML (.html) is one self-contained file: the map is drawn inline, nothing\n"
		"is fetched from anywhere (a strict Content-Security-Policy says so), and\n"
		"it prints cleanly on A4.  Markdown (.md) has the same content, with the map\n"
		"written next to it as FILE-map.svg (not when writing to standard output).\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
