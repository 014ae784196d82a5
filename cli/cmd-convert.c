/* cmd-convert.c - coalmap convert: any input to a CSV landscape, GraphML, GML, GEXF or xlsx, and
 * Kumu's CSV export in (docs/convert.md). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

enum fmt { F_NONE, F_LANDSCAPE, F_GRAPHML, F_GML, F_GEXF, F_XLSX };

static const struct cli_choice to_formats[] = {
	{ "landscape", F_LANDSCAPE, 0 }, { "csv", F_LANDSCAPE, 1 }, { "graphml", F_GRAPHML, 0 },
	{ "gml", F_GML, 0 }, { "gexf", F_GEXF, 0 }, { "xlsx", F_XLSX, 0 }, { NULL, 0, 0 },
};

struct args {
	const char *from, *sheet;
	int to, force, strict, kumu;
};

static const struct cli_option options[] = {
	{ .name = "from", .arg = "FMT", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, from),
	  .help = "read the input as FMT (landscape, edges, kumu, kumu-json, graphml, gml, gexf, xlsx, pajek, "
		  "dl, matrix) instead of telling it from its content" },
	{ .name = "sheet", .arg = "NAME", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, sheet),
	  .help = "a workbook's sheet of ties (default: the one whose header names two ends)" },
	{ .name = "to", .arg = "FMT", .kind = CLI_OPT_ENUM, .offset = offsetof(struct args, to),
	  .choices = to_formats, .expect = "output format",
	  .help = "output format: landscape, graphml, gml, gexf or xlsx ('-' as OUTPUT writes GraphML, GML "
		  "or GEXF to standard output)" },
	{ .name = "kumu", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, kumu),
	  .help = "with xlsx: write Kumu's layout (sheets Elements and Connections) to import into Kumu" },
	{ .name = "force", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, force),
	  .help = "write into an existing non-empty folder" },
	{ .name = "strict", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, strict),
	  .help = "treat warnings in the data as errors" },
	{ .name = NULL },
};

static const char *ext(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	return dot && (!slash || dot > slash) && dot[1] ? dot + 1 : NULL;
}

static enum fmt fmt_of_file(const char *path)
{
	const char *e = ext(path);

	if (e && (!strcasecmp(e, "graphml") || !strcasecmp(e, "xml")))
		return F_GRAPHML;
	if (e && !strcasecmp(e, "gml"))
		return F_GML;
	if (e && !strcasecmp(e, "gexf"))
		return F_GEXF;
	if (e && !strcasecmp(e, "xlsx"))
		return F_XLSX;
	return F_NONE;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	char *p = malloc(n + strlen(name) + 2);

	if (p)
		sprintf(p, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	return p;
}

static int write_one(struct cli_out *o, const char *path, enum fmt to, const struct cm_table *t,
		     const struct cm_table *ties, const char *const *inputs, int kumu)
{
	struct cm_error err;
	size_t stripped = 0;
	int rc = cli_out_open(o, path, inputs);

	if (rc)
		return rc;
	cm_error_clear(&err);
	if (to == F_LANDSCAPE)
		rc = cli_write_csv_exact(t, o->f) < 0 ? CM_EOUTPUT : CM_OK;
	else if (to == F_XLSX) /* to the temporary name, renamed by cli_out_commit */
		rc = cm_xlsx_write(t, ties, o->tmp ? o->tmp : path, kumu, &err);
	else if (to == F_GRAPHML)
		rc = cm_graphml_write(t, ties, o->f, &stripped, &err);
	else if (to == F_GEXF)
		rc = cm_gexf_write(t, ties, o->f, &stripped, &err);
	else
		rc = cm_gml_write(t, ties, o->f, &err);
	if (rc == CM_OK && stripped)
		fprintf(stderr, "%s: %s: warning: %zu value%s held characters XML 1.0 cannot hold (control "
				"characters); they were left out\n", cli_progname, path, stripped,
			stripped == 1 ? "" : "s");
	if (rc < 0) {
		if (rc == CM_EOUTPUT && to != F_XLSX)
			fprintf(stderr, "%s: %s: write error: %s\n", cli_progname, path, strerror(errno));
		else
			cli_fail(&err);
		cli_out_abort(o);
		return cm_status_exit_code(rc);
	}
	return 0;
}

/* The landscape output folder: created if missing; an existing one must be
 * empty, or --force given, and never the input folder. */
static int prepare_dir(const char *dir, int force, const char *input, int *created)
{
	struct stat so, si;
	DIR *d;
	struct dirent *e;
	int empty = 1;

	*created = 0;
	if (stat(dir, &so) != 0) {
		if (mkdir(dir, 0777) != 0) {
			fprintf(stderr, "%s: %s: cannot create folder: %s\n", cli_progname, dir, strerror(errno));
			return 73;
		}
		*created = 1;
		return 0;
	}
	if (!S_ISDIR(so.st_mode)) {
		fprintf(stderr, "%s: %s: exists and is not a folder\n", cli_progname, dir);
		return 73;
	}
	if (stat(input, &si) == 0 && si.st_dev == so.st_dev &&
	    si.st_ino == so.st_ino) {
		fprintf(stderr, "%s: %s: refusing to write over the input landscape\n", cli_progname, dir);
		return 73;
	}
	if (!(d = opendir(dir))) {
		fprintf(stderr, "%s: %s: cannot open: %s\n", cli_progname, dir, strerror(errno));
		return 73;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = 0;
	closedir(d);
	if (!empty && !force) {
		fprintf(stderr, "%s: %s: the folder exists and is not empty; use --force to replace its "
				"organizations.csv and relationships.csv\n", cli_progname, dir);
		return 73;
	}
	return 0;
}

/* What the output is, from --to or its name.  Returns 0 or an exit
 * status after a message. */
static int format_out(const char *output, enum fmt *to)
{
	struct stat st;
	size_t n = strlen(output);

	if (*to == F_NONE) {
		*to = fmt_of_file(output);
		if (*to == F_NONE) {
			if ((n && output[n - 1] == '/') || (stat(output, &st) == 0 && S_ISDIR(st.st_mode)) || !ext(output))
				*to = F_LANDSCAPE;
			else
				return cli_usage_error("convert", "cannot tell the format of '%s' from its name (.graphml, .gml, "
								  ".gexf, .xlsx or a folder); use --to", output);
		}
	}
	if (*to == F_LANDSCAPE && !strcmp(output, "-"))
		return cli_usage_error("convert", "a landscape is a folder; '-' writes only --to graphml, gml or gexf");
	if (*to == F_XLSX && !strcmp(output, "-"))
		return cli_usage_error("convert", "a workbook is written to a file; '-' writes only --to graphml, gml or gexf");
	return 0;
}

/* A landscape: both files to temporary names first, then both renamed. */
static int write_landscape(const char *output, int force, const char *input,
			   const struct cm_table *orgs, const struct cm_table *ties, const char *const *inputs)
{
	struct cli_out o1, o2;
	char *p1 = NULL, *p2 = NULL;
	int rc, created = 0, open1 = 0;

	if ((rc = prepare_dir(output, force, input, &created)) != 0)
		return rc;
	p1 = join(output, "organizations.csv");
	p2 = join(output, "relationships.csv");
	if (!p1 || !p2) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		rc = 70;
		goto out;
	}
	rc = write_one(&o1, p1, F_LANDSCAPE, orgs, NULL, inputs, 0);
	if (!rc) {
		open1 = 1;
		rc = write_one(&o2, p2, F_LANDSCAPE, ties, NULL, inputs, 0);
	}
	if (!rc) {
		rc = cli_out_commit(&o1);
		open1 = 0;
		if (!rc)
			rc = cli_out_commit(&o2);
		else
			cli_out_abort(&o2);
	}
	if (open1)
		cli_out_abort(&o1);
	if (rc && created)
		rmdir(output);
out:
	free(p1);
	free(p2);
	return rc;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	struct cm_load_opts lo = { 0 };
	struct cm_landscape *l = NULL;
	struct cm_table orgs, ties;
	struct cm_error err;
	struct cli_out o1;
	enum fmt to = (enum fmt)a->to;
	const char *input = cx->argv[0], *output = cx->argv[1];
	const char *inputs[3] = { NULL, NULL, NULL };
	int rc;

	lo.strict = a->strict;
	lo.format = a->from;
	lo.sheet = a->sheet;
	lo.share = cx->common.load.share;
	if ((rc = format_out(output, &to)))
		return rc;
	if (a->kumu && to != F_XLSX)
		return cli_usage_error("convert", "--kumu applies to an xlsx OUTPUT only");

	/* read and check */
	if ((rc = cli_load(input, &lo, &l)))
		goto out_free;

	cm_table_init(&orgs, 0);
	cm_table_init(&ties, 0);
	if (cm_landscape_export(l, &orgs, &ties, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	inputs[0] = cm_landscape_orgs_path(l);
	inputs[1] = cm_landscape_ties_path(l);
	if (to != F_LANDSCAPE) {
		rc = write_one(&o1, output, to, &orgs, &ties, inputs, a->kumu);
		if (!rc)
			rc = cli_out_commit(&o1);
		goto out;
	}
	rc = write_landscape(output, a->force, input, &orgs, &ties, inputs);
out:
	cm_table_release(&orgs);
	cm_table_release(&ties);
out_free:
	cm_landscape_free(l);
	return rc;
}

const struct cli_command cli_cmd_convert = {
	.name = "convert",
	.summary = "convert any input coalmap reads to a CSV landscape, GraphML, GML, GEXF or xlsx",
	.usage = "INPUT OUTPUT [--from FMT] [--sheet NAME] [--to FMT] [--kumu] [--force] [--strict]",
	.description =
		"Converts a landscape between formats, keeping every organization and tie\n"
		"attribute (numbers stay numbers), tie types and directions.  INPUT is\n"
		"anything every command reads (see 'Your data' in the README):\n"
		"\n"
		"  landscape  a folder with organizations.csv and relationships.csv\n"
		"  edges      an edge list alone: a CSV file, or a folder holding only\n"
		"             relationships.csv; its organizations are the ties' ends\n"
		"  kumu       Kumu's CSV export: a folder holding one *elements*.csv and\n"
		"             one *connections*.csv\n"
		"  kumu-json  Kumu's JSON project export (.json)\n"
		"  graphml    GraphML (.graphml, .xml) for Gephi, Cytoscape, NetworkX, yEd\n"
		"  gml        GML (.gml), as NetworkX's read_gml/write_gml use it\n"
		"  gexf       GEXF (.gexf) 1.1 to 1.3, Gephi's format (NetworkX's read_gexf)\n"
		"  xlsx       an Excel workbook (.xlsx): sheets of ties and organizations\n"
		"             found by their headers (--sheet names the ties'), or Kumu's\n"
		"             Elements and Connections sheets\n"
		"  pajek      Pajek (.net): *Vertices, *Arcs (directed), *Edges (mutual)\n"
		"  dl         UCINET DL (.dl): fullmatrix, lower/upperhalf, edgelist1,\n"
		"             nodelist1; one tie type per matrix\n"
		"  matrix     an adjacency matrix CSV (first row and first column name the\n"
		"             organizations), or a folder of them: one tie type per file\n"
		"\n"
		"The input's format is told from its content (then its name); --from names\n"
		"it.  OUTPUT is a landscape folder, a .graphml/.xml, .gml, .gexf or .xlsx\n"
		"file (--to names it).  An .xlsx workbook has sheets organizations and\n"
		"relationships (numbers as numbers, dates as text); with --kumu, Kumu's\n"
		"Elements and Connections sheets, to import into Kumu.\n"
		"GraphML is written with edgedefault=\"directed\" and each tie's direction\n"
		"in its boolean `directed` attribute; mutual ties are written once.\n"
		"GEXF is written as version 1.2 (what NetworkX and Gephi read): each tie's\n"
		"direction in its type (a mutual tie is type=\"mutual\" when some tie is\n"
		"directed), start and end dates as the edge's own (mode=\"dynamic\").\n"
		"The input is checked like any landscape: on bad data every problem is\n"
		"listed as FILE:LINE: message and nothing is written (exit 65).\n"
		"A landscape OUTPUT folder is created; an existing folder must be empty\n"
		"unless --force, which replaces its two CSV files (never the input's).\n",
	.options = options,
	.flags = CLI_SHARE,
	.args_size = sizeof(struct args),
	.nargs_min = 2, .nargs_max = 2, .operands = "INPUT and OUTPUT",
	.run = run,
};
