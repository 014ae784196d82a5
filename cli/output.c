/* output.c - tables to a stream through the engine's writers, and output
 * files written whole or not at all. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The engine's writer for a format. */
static const struct cm_writer *writer(enum cli_format fmt)
{
	static const char *const names[] = { [FMT_TABLE] = "table", [FMT_CSV] = "csv", [FMT_JSON] = "json",
					      [FMT_MD] = "md", [FMT_HTML] = "html" };

	return cm_writer_find(names[fmt]);
}

int cli_write_table(const struct cm_table *t, enum cli_format fmt, FILE *f)
{
	return cm_write_table(writer(fmt), t, f, NULL) < 0 ? -1 : 0;
}

int cli_write_csv_exact(const struct cm_table *t, FILE *f)
{
	return cm_write_csv_exact(t, f, NULL) < 0 ? -1 : 0;
}

/* ---- atomic output */

int cli_out_open(struct cli_out *o, const char *path, const char *const *inputs)
{
	struct stat so, si;
	char *dircopy;
	int fd;

	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = path;
	if (stat(path, &so) == 0) {
		for (; inputs && *inputs; inputs++)
			if (stat(*inputs, &si) == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
				fprintf(stderr, "%s: %s: refusing to overwrite an input file\n", cli_progname, path);
				return 73;
			}
		if (S_ISDIR(so.st_mode)) {
			fprintf(stderr, "%s: %s: is a folder\n", cli_progname, path);
			return 73;
		}
		if (!S_ISREG(so.st_mode)) {
			/* a device or pipe (/dev/null, /dev/stdout): write in place,
			 * never rename over it */
			if (!(o->f = fopen(path, "w"))) {
				fprintf(stderr, "%s: %s: cannot open: %s\n", cli_progname, path, strerror(errno));
				return 73;
			}
			o->direct = 1;
			return 0;
		}
	}
	dircopy = strdup(path);
	o->tmp = malloc(strlen(path) + 16);
	if (!dircopy || !o->tmp) {
		free(dircopy);
		free(o->tmp);
		o->tmp = NULL;
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	sprintf(o->tmp, "%s/.coalmap-XXXXXX", dirname(dircopy));
	free(dircopy);
	fd = mkstemp(o->tmp);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		int nomem = errno == ENOMEM;
		fprintf(stderr, "%s: %s: cannot create: %s\n", cli_progname, path, nomem ? "out of memory" : strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return nomem ? 70 : 73;
	}
	return 0;
}

void cli_out_abort(struct cli_out *o)
{
	if (o->direct)
		fclose(o->f);
	if (o->tmp) {
		fclose(o->f);
		unlink(o->tmp);
		free(o->tmp);
	}
	memset(o, 0, sizeof(*o));
}

int cli_out_commit(struct cli_out *o)
{
	int bad;
	mode_t mask;

	if (!o->tmp) {
		bad = fflush(o->f) != 0 || ferror(o->f);
		if (o->direct)
			bad |= fclose(o->f) != 0;
		if (bad && errno != EPIPE) {
			fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname,
				o->direct ? o->path : "standard output", strerror(errno));
			return 73;
		}
		return 0;
	}
	mask = umask(0);
	umask(mask);
	bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
	bad |= fclose(o->f) != 0;
	o->f = NULL;
	if (bad || chmod(o->tmp, o->private ? 0600 : 0666 & ~mask) != 0 || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, o->path, strerror(errno));
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return 73;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

int cli_write_bytes(const char *path, const void *data, size_t len, const char *const *inputs)
{
	struct cli_out o;
	int rc = cli_out_open(&o, path, inputs);

	if (rc)
		return rc;
	if (fwrite(data, 1, len, o.f) != len) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, o.path ? o.path : "standard output",
			strerror(errno));
		cli_out_abort(&o);
		return 73;
	}
	return cli_out_commit(&o);
}

int cli_emit_with_file(const struct cm_table *t, const struct cli_common *c, const char *const *inputs,
		       const char *path, const void *data, size_t len)
{
	struct cli_out o;
	int rc;

	if (!path)
		return cli_emit(t, c, inputs);
	if ((rc = cli_out_open(&o, path, inputs)))
		return rc;
	if (fwrite(data, 1, len, o.f) != len || fflush(o.f)) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, path, strerror(errno));
		cli_out_abort(&o);
		return 73;
	}
	if ((rc = cli_emit(t, c, inputs))) {
		cli_out_abort(&o);
		return rc;
	}
	return cli_out_commit(&o);
}

int cli_emit(const struct cm_table *t, const struct cli_common *c, const char *const *inputs)
{
	cli_progress_end();
	struct cli_out o;
	int rc = cli_out_open(&o, c->output, inputs);

	if (rc)
		return rc;
	if (cli_write_table(t, c->format, o.f) < 0) {
		if (errno == EPIPE && o.f == stdout) {
			/* the reader went away (| head): nothing more to say */
			cli_out_abort(&o);
			return 0;
		}
		int nomem = errno == ENOMEM;
		fprintf(stderr, "%s: %s: %s: %s\n", cli_progname, c->output ? c->output : "stdout",
			nomem ? "cannot write" : "write error", nomem ? "out of memory" : strerror(errno));
		cli_out_abort(&o);
		return nomem ? 70 : 73;
	}
	return cli_out_commit(&o);
}
