/* schema_file.c - a landscape's own schema, coalmap.ini (docs/schema.md):
 * what its tie types mean (direction and roles), which org types are
 * decision-makers, and what its columns are called.  Read with libinih;
 * the loader applies it (engine/landscape.c), `coalmap init` writes one. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <ini.h>

#include "internal.h"

const char cm_schema_file_name[] = "coalmap.ini";

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *cm_schema_file_where(const char *input)
{
	struct stat st;
	const char *slash = strrchr(input, '/');
	char *dir, *p;

	if (stat(input, &st) == 0 && S_ISDIR(st.st_mode))
		return cm_path_join(input, cm_schema_file_name);
	if (!slash)
		return strdup(cm_schema_file_name);
	if (!(dir = strndup(input, (size_t)(slash - input) + 1)))
		return NULL;
	p = cm_path_join(dir, cm_schema_file_name);
	free(dir);
	return p;
}

char *cm_schema_file_path(const char *where, const struct cm_load_opts *opts, int *nomem)
{
	char *p;

	*nomem = 0;
	if (opts && opts->schema)
		p = *opts->schema ? strdup(opts->schema) : NULL;
	else if ((p = cm_schema_file_where(where)) && !is_file(p)) {
		free(p);
		return NULL;
	}
	*nomem = !p && (!opts || !opts->schema || *opts->schema);
	return p;
}

/* ---------------------------------------------------------------- */
/* reading                                                            */

enum section { S_NONE, S_TIES, S_ORGS, S_COLUMNS, S_STANCE, S_SHARING, S_UNKNOWN };

struct parse {
	struct cm_schema_file *sf;
	struct cm_diags *diags;
	FILE *f;
	long line;          /* of the line inih is handling */
	int nomem, bad;
};

static void problem(struct parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct parse *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (cm_diags_add(p->diags, CM_ERROR, CM_EDATA, p->sf->path, p->line, 0, "%s", msg) < 0)
		p->nomem = 1;
	p->bad = 1;
}

/* inih's line reader: one line per call, counted for messages. */
static char *next_line(char *buf, int n, void *stream)
{
	struct parse *p = stream;
	char *s = fgets(buf, n, p->f);

	if (s)
		p->line++;
	return s;
}

static char *lower_dup(const char *s)
{
	char *d = strdup(s), *c;

	for (c = d; c && *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return d;
}

/* A section name, compared without case and with '_' or '-' for a space. */
static int section_is(const char *s, const char *w)
{
	for (; *s && *w; s++, w++) {
		char a = *s == '_' || *s == '-' ? ' ' : (char)tolower((unsigned char)*s);
		if (a != *w)
			return 0;
	}
	return !*s && !*w;
}

static enum section section_of(const char *s)
{
	if (!*s)
		return S_NONE;
	if (section_is(s, "tie types"))
		return S_TIES;
	if (section_is(s, "organizations") || section_is(s, "organisations"))
		return S_ORGS;
	if (section_is(s, "columns"))
		return S_COLUMNS;
	if (section_is(s, "stance"))
		return S_STANCE;
	if (section_is(s, "sharing"))
		return S_SHARING;
	return S_UNKNOWN;
}

/* The words a tie type's line takes, and what each does to its roles. */
static const struct {
	const char *word;
	unsigned set, clear;
} role_words[] = {
	{ "directed", CM_ROLE_DIRECTED, 0 }, { "mutual", 0, CM_ROLE_DIRECTED },
	{ "undirected", 0, CM_ROLE_DIRECTED }, { "access", CM_ROLE_ACCESS, 0 },
	{ "money", CM_ROLE_MONEY, 0 }, { "conflict", CM_ROLE_CONFLICT, 0 },
};

/* Roles from "directed, access" or "like information". */
static int parse_roles(struct parse *p, const char *type, const char *value, unsigned *roles)
{
	char buf[256], *w, *save = NULL;
	size_t i;

	*roles = 0;
	snprintf(buf, sizeof(buf), "%s", value);
	for (w = strtok_r(buf, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
		for (i = 0; i < sizeof(role_words) / sizeof(*role_words); i++)
			if (!strcasecmp(w, role_words[i].word)) {
				*roles = (*roles | role_words[i].set) & ~role_words[i].clear;
				break;
			}
		if (i < sizeof(role_words) / sizeof(*role_words))
			continue;
		if (!strcasecmp(w, "like") && (w = strtok_r(NULL, ", \t", &save))) {
			for (i = 0; i < cm_tie_type_table_n; i++)
				if (!strcasecmp(w, cm_tie_type_table[i].name))
					break;
			if (i < cm_tie_type_table_n) {
				*roles |= cm_tie_type_table[i].roles & ~CM_ROLE_DEFAULT;
				continue;
			}
			problem(p, "tie type '%.60s': 'like %.40s' names no built-in type (partnership, coalition, "
				   "collaboration, funding, information, membership, access, distribution, conflict)",
				type, w);
			return -1;
		}
		problem(p, "tie type '%.60s': '%.40s' is not a word this line takes: directed or mutual, "
			   "access, money, conflict, or like TYPE", type, w);
		return -1;
	}
	return 0;
}

static int add_type(struct parse *p, const char *name, const char *value)
{
	struct cm_schema_file *sf = p->sf;
	struct cm_type_rule *v;
	unsigned roles;
	size_t i;

	if (parse_roles(p, name, value, &roles) < 0)
		return 0;
	for (i = 0; i < sf->ntypes; i++)
		if (!strcasecmp(sf->types[i].name, name)) {
			problem(p, "tie type '%.60s' is described twice", name);
			return 0;
		}
	if (!(v = realloc(sf->types, (sf->ntypes + 1) * sizeof(*v))) ||
	    !(v[sf->ntypes].name = lower_dup(name))) {
		if (v)
			sf->types = v;
		return -1;
	}
	sf->types = v;
	v[sf->ntypes].roles = roles;
	v[sf->ntypes].line = p->line;
	sf->ntypes++;
	return 0;
}

/* Adds the comma-separated items of value (trimmed, empty ones skipped)
 * to *v. */
static int add_items(char ***v, size_t *n, const char *value)
{
	char buf[1024], *w, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", value);
	for (w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		const char *s = w;
		size_t len = strlen(w);
		char **nv;
		cm_trim(&s, &len);
		if (!len)
			continue;
		if (!(nv = realloc(*v, (*n + 1) * sizeof(*nv))))
			return -1;
		*v = nv;
		if (!(nv[*n] = strndup(s, len)))
			return -1;
		(*n)++;
	}
	return 0;
}

/* "decision makers = government, parliament" */
static int add_decision_makers(struct parse *p, const char *value)
{
	struct cm_schema_file *sf = p->sf;

	if (sf->dm_set) {
		problem(p, "decision makers are listed twice");
		return 0;
	}
	sf->dm_set = 1;
	return add_items(&sf->dm, &sf->ndm, value);
}

/* [sharing] (docs/sharing.md): "sensitive = email, phone" (columns never
 * written unless --include-sensitive); "anonymise = type=grassroots", one
 * filter a line, "all" or "none" (the default --anonymise). */
static int on_sharing(struct parse *p, const char *name, const char *value)
{
	struct cm_schema_file *sf = p->sf;
	const char *v = value;
	size_t n = strlen(value);
	char **nv;

	if (section_is(name, "sensitive"))
		return add_items(&sf->sensitive, &sf->nsensitive, value);
	if (!section_is(name, "anonymise") && !section_is(name, "anonymize")) {
		problem(p, "[sharing]: '%.60s' is not a setting; this section takes 'sensitive' and 'anonymise'", name);
		return 0;
	}
	cm_trim(&v, &n);
	if (!n || (!strchr(v, '=') && strcasecmp(v, "all") && strcasecmp(v, "none"))) {
		problem(p, "[sharing] anonymise '%.60s' is not all, none or COLUMN=VALUE[,VALUE...]", value);
		return 0;
	}
	if (!(nv = realloc(sf->anonymise, (sf->nanonymise + 1) * sizeof(*nv))))
		return -1;
	sf->anonymise = nv;
	if (!(nv[sf->nanonymise] = strndup(v, n)))
		return -1;
	sf->nanonymise++;
	return 0;
}

/* "Partner Org = target": the header, and the known column it is. */
static int add_rename(struct parse *p, const char *header, const char *column)
{
	struct cm_schema_file *sf = p->sf;
	struct cm_rename *v;
	int f;

	for (f = 0; f < 2; f++)
		if (cm_schema_find(&cm_schemas[f], column, strlen(column), 0) >= 0)
			break;
	if (f == 2) {
		problem(p, "column '%.60s': '%.40s' is not a column coalmap knows (organizations: id, name, type, "
			   "country, region, issues, skills, budget, influence, stance; relationships: source, target, "
			   "type, weight, directed, trust, amount, start, end)", header, column);
		return 0;
	}
	if (!(v = realloc(sf->renames, (sf->nrenames + 1) * sizeof(*v))))
		return -1;
	sf->renames = v;
	v[sf->nrenames].header = strdup(header);
	v[sf->nrenames].column = lower_dup(column);
	if (!v[sf->nrenames].header || !v[sf->nrenames].column) {
		free(v[sf->nrenames].header);
		free(v[sf->nrenames].column);
		return -1;
	}
	sf->nrenames++;
	return 0;
}

/* "list separator = |": the one character between the items of issues and
 * skills. */
static void set_list_sep(struct parse *p, const char *value)
{
	const char *v = value;
	size_t n = strlen(value);

	cm_trim(&v, &n);
	if (n != 1 || isalnum((unsigned char)*v) || strchr("\"' ", *v))
		problem(p, "list separator '%.20s' is not one character (a letter, digit, quote or space cannot "
			   "be one; for ';' leave the line out, it is the default)", v);
	else if (p->sf->list_sep)
		problem(p, "the list separator is given twice");
	else
		p->sf->list_sep = *v;
}

/* "scale = -2..2" or "1 to 5": the numbers the stance column may hold. */
static void set_scale(struct parse *p, const char *value)
{
	const char *to = strstr(value, "..");
	size_t skip = 2;
	double lo, hi;

	if (!to && (to = strcasestr(value, " to ")))
		skip = 4;
	if (!to || cm_read_number(value, (size_t)(to - value), &lo, NULL) < 0 ||
	    cm_read_number(to + skip, strlen(to + skip), &hi, NULL) < 0 || !(lo < hi))
		problem(p, "stance scale '%.40s' is not LOW..HIGH, LOW below HIGH, e.g. -2..2 or 1..5", value);
	else if (p->sf->scale_set++)
		problem(p, "the stance scale is given twice");
	else
		p->sf->scale_lo = lo, p->sf->scale_hi = hi;
}

/* "support = for, pro": the data's own words for a stance. */
static int add_stance_words(struct parse *p, const char *name, const char *value)
{
	struct cm_schema_file *sf = p->sf;
	char buf[1024], *w, *save = NULL;
	int k;

	for (k = CM_STANCE_SUPPORT; k <= CM_STANCE_OPPOSE; k++)
		if (!strcasecmp(name, cm_stance_words[k]))
			break;
	if (k > CM_STANCE_OPPOSE) {
		problem(p, "[stance]: '%.60s' is not a setting; this section takes scale, support, neutral and "
			   "oppose", name);
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", value);
	for (w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		const char *s = w;
		size_t n = strlen(w);
		struct cm_stance_word *v;
		cm_trim(&s, &n);
		if (!n)
			continue;
		if (cm_schema_file_stance(sf, s, n) != -1) {
			problem(p, "stance word '%.*s' already has a meaning (a built-in word, a number or a word "
				   "listed before)", (int)(n > 40 ? 40 : n), s);
			continue;
		}
		if (!(v = realloc(sf->stances, (sf->nstances + 1) * sizeof(*v))))
			return -1;
		sf->stances = v;
		if (!(v[sf->nstances].word = strndup(s, n)))
			return -1;
		v[sf->nstances++].stance = k;
	}
	return 0;
}

static int on_stance(struct parse *p, const char *name, const char *value)
{
	if (section_is(name, "scale")) {
		set_scale(p, value);
		return 0;
	}
	return add_stance_words(p, name, value);
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	int rc = 0;

	switch (section_of(section)) {
	case S_TIES: rc = add_type(p, name, value); break;
	case S_ORGS:
		if (section_is(name, "decision makers"))
			rc = add_decision_makers(p, value);
		else if (section_is(name, "list separator"))
			set_list_sep(p, value);
		else
			problem(p, "[%.40s]: '%.60s' is not a setting; this section takes 'decision makers' and "
				   "'list separator'", section, name);
		break;
	case S_COLUMNS: rc = add_rename(p, name, value); break;
	case S_STANCE: rc = on_stance(p, name, value); break;
	case S_SHARING: rc = on_sharing(p, name, value); break;
	case S_NONE:
		problem(p, "'%.60s' is outside a section: [tie types], [organizations], [columns], [stance] or [sharing]",
			name);
		break;
	default:
		problem(p, "[%.60s] is not a section: [tie types], [organizations], [columns], [stance] or [sharing]",
			section);
	}
	if (rc < 0)
		p->nomem = 1;
	return !p->nomem;
}

int cm_schema_file_read(struct cm_schema_file *sf, const char *path, struct cm_diags *diags, struct cm_error *err)
{
	struct parse p;
	int rc;

	memset(sf, 0, sizeof(*sf));
	memset(&p, 0, sizeof(p));
	if (!(sf->path = strdup(path)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (!(p.f = fopen(path, "r")))
		return errno == ENOMEM ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory")
				       : cm_error_set(err, CM_ENOINPUT, path, 0, 0, "cannot open the schema: %s", strerror(errno));
	sf->scale_lo = -2;
	sf->scale_hi = 2;
	p.sf = sf;
	p.diags = diags;
	rc = ini_parse_stream(next_line, &p, on_entry, &p);
	fclose(p.f);
	if (p.nomem || rc == -2)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc > 0 && !p.bad) {
		p.line = rc;
		problem(&p, "not a line of an INI file: [section], name = value, or a comment starting with # or ;");
	}
	return p.bad ? CM_EDATA : CM_OK;
}

void cm_schema_file_release(struct cm_schema_file *sf)
{
	size_t i;

	if (!sf)
		return;
	for (i = 0; i < sf->ntypes; i++)
		free(sf->types[i].name);
	free(sf->types);
	for (i = 0; i < sf->ndm; i++)
		free(sf->dm[i]);
	free(sf->dm);
	for (i = 0; i < sf->nrenames; i++) {
		free(sf->renames[i].header);
		free(sf->renames[i].column);
	}
	free(sf->renames);
	for (i = 0; i < sf->nstances; i++)
		free(sf->stances[i].word);
	free(sf->stances);
	for (i = 0; i < sf->nsensitive; i++)
		free(sf->sensitive[i]);
	free(sf->sensitive);
	for (i = 0; i < sf->nanonymise; i++)
		free(sf->anonymise[i]);
	free(sf->anonymise);
	free(sf->path);
	memset(sf, 0, sizeof(*sf));
}

int cm_schema_file_roles(const struct cm_schema_file *sf, const char *type, unsigned *roles)
{
	size_t i;

	for (i = 0; sf && i < sf->ntypes; i++)
		if (!strcmp(sf->types[i].name, type)) {
			*roles = sf->types[i].roles;
			return 1;
		}
	return 0;
}

int cm_schema_file_stance(const struct cm_schema_file *sf, const char *s, size_t n)
{
	double v, lo = sf ? sf->scale_lo : -2, hi = sf ? sf->scale_hi : 2;
	size_t i;
	int k;

	cm_trim(&s, &n);
	if (!n)
		return CM_STANCE_NONE;
	for (k = CM_STANCE_SUPPORT; k <= CM_STANCE_OPPOSE; k++)
		if (strlen(cm_stance_words[k]) == n && !strncasecmp(s, cm_stance_words[k], n))
			return k;
	for (i = 0; sf && i < sf->nstances; i++)
		if (strlen(sf->stances[i].word) == n && !strncasecmp(s, sf->stances[i].word, n))
			return sf->stances[i].stance;
	if (cm_read_number(s, n, &v, NULL) < 0)
		return -1;
	if (v < lo || v > hi)
		return -2;
	return v > (lo + hi) / 2 ? CM_STANCE_SUPPORT : v < (lo + hi) / 2 ? CM_STANCE_OPPOSE : CM_STANCE_NEUTRAL;
}

const char *cm_schema_file_rename(const struct cm_schema_file *sf, const char *header, size_t n)
{
	size_t i;

	for (i = 0; sf && i < sf->nrenames; i++)
		if (strlen(sf->renames[i].header) == n && !strncasecmp(sf->renames[i].header, header, n))
			return sf->renames[i].column;
	return NULL;
}

/* ---------------------------------------------------------------- */
/* writing one inferred from the data (coalmap init)                  */

/* Words in a type's name that suggest what it is, for the guesses. */
static const struct {
	const char *stem;
	const char *like; /* a built-in type */
} hints[] = {
	{ "fund", "funding" }, { "grant", "funding" }, { "donat", "funding" }, { "financ", "funding" },
	{ "money", "funding" }, { "conflict", "conflict" }, { "rival", "conflict" }, { "oppos", "conflict" },
	{ "hostil", "conflict" }, { "info", "information" }, { "advi", "information" },
	{ "report", "information" }, { "communic", "information" }, { "member", "membership" },
	{ "lobby", "access" }, { "access", "access" }, { "consult", "access" },
};

static const char *hint_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(hints) / sizeof(*hints); i++)
		if (strcasestr(name, hints[i].stem))
			return hints[i].like;
	return NULL;
}

/* "directed, access, money" for roles. */
static void roles_words(unsigned roles, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s", roles & CM_ROLE_DIRECTED ? "directed" : "mutual",
		 roles & CM_ROLE_ACCESS ? ", access" : "", roles & CM_ROLE_MONEY ? ", money" : "",
		 roles & CM_ROLE_CONFLICT ? ", conflict" : "");
}

static int builtin_type(const char *name)
{
	size_t i;

	for (i = 0; i < cm_tie_type_table_n; i++)
		if (!strcmp(cm_tie_type_table[i].name, name))
			return 1;
	return 0;
}

static void write_types(const struct cm_landscape *l, FILE *f)
{
	size_t k, i;

	fputs("[tie types]\n"
	      "# TYPE = directed or mutual, then what the tie does:\n"
	      "#   access    such a tie to a decision-maker gives access (power, gaps, paths)\n"
	      "#   money     money flows source -> target; the amount column says how much\n"
	      "#   conflict  a negative tie, kept out of the collaboration network\n"
	      "# or 'like TYPE' to read it as a built-in type: partnership, coalition,\n"
	      "# collaboration, funding, information, membership, access, distribution, conflict.\n"
	      "# A tie's own `directed` cell still wins over its type's direction.\n", f);
	for (k = 0; k < l->ntie_types; k++) {
		const char *name = l->tie_types[k], *like = hint_of(name);
		size_t n = 0, dir = 0;
		unsigned roles = l->tie_roles[k];
		char words[80];
		int described = cm_schema_file_roles(l->schema, name, &roles);

		for (i = 0; i < l->nties; i++)
			if (l->ties[i].type == k) {
				n++;
				dir += l->ties[i].directed != 0;
			}
		if (!described && !builtin_type(name)) {
			/* a guess: the name's hint, else the direction most of its ties have */
			roles = like ? cm_tie_type_roles(like) & ~CM_ROLE_DEFAULT : CM_ROLES_OTHER;
			if (!like && dir * 2 > n)
				roles |= CM_ROLE_DIRECTED;
		}
		if (strpbrk(name, "=:;#[]")) {
			fprintf(f, "# '%s' (%zu ties) cannot be described here: its name holds = : ; # [ or ]\n", name, n);
			continue;
		}
		roles_words(roles, words, sizeof(words));
		fprintf(f, "%s = %s", name, words);
		fprintf(f, "%*s; %zu tie%s, %zu one-way", (int)(30 > strlen(name) + strlen(words) + 3
									 ? 30 - strlen(name) - strlen(words) - 3 : 1), "",
			n, n == 1 ? "" : "s", dir);
		if (described)
			fputs(" (as this file said)\n", f);
		else if (builtin_type(name))
			fputs(" (built in)\n", f);
		else if (like)
			fprintf(f, " (GUESS from its name: like %s)\n", like);
		else
			fprintf(f, " (GUESS: not a built-in type; %s)\n",
				dir * 2 > n ? "most of its ties are one-way" : "read as a working tie");
	}
}

/* Words in an org type that suggest a decision-maker, for the guesses. */
static int dm_hint(const char *type)
{
	static const char *const stems[] = { "gov", "minist", "parliament", "legislat", "senat", "congress",
					     "council", "regulat", "authorit", "decision", "official", NULL };
	size_t i;

	for (i = 0; stems[i]; i++)
		if (strcasestr(type, stems[i]))
			return 1;
	return 0;
}

static int write_orgs(const struct cm_landscape *l, FILE *f)
{
	const char *const *dm;
	struct cm_strset types;
	size_t ndm = cm_decision_maker_types_of(l, NULL, &dm), i, k, guessed = 0;

	cm_strset_init(&types);
	for (i = 0; i < l->norgs; i++) {
		const char *t = l->pool.buf + l->orgs[i].type;
		if (*t && cm_strset_add(&types, t, strlen(t)) < 0) {
			cm_strset_release(&types);
			return CM_ENOMEM;
		}
	}
	fputs("\n[organizations]\n"
	      "# The org types that are decision-makers: the ones advocacy wants to move\n"
	      "# (power's access, gaps' targets, paths' routes). --targets overrides it.\n", f);
	fputs("# Org types in the data:", f);
	for (k = 0; k < types.n; k++)
		fprintf(f, "%s %s", k ? "," : "", cm_strset_get(&types, k));
	fputs(types.n ? "\n" : " none\n", f);
	for (k = 0, i = 0; k < types.n; k++) {
		const char *t = cm_strset_get(&types, k);
		size_t j;
		int is = 0;
		for (j = 0; j < ndm && !is; j++)
			is = !strcasecmp(t, dm[j]);
		if (!is && (l->schema && l->schema->dm_set ? 0 : dm_hint(t)))
			is = 1, guessed++;
		if (is)
			fprintf(f, "%s%s", i++ ? ", " : "decision makers = ", t);
	}
	if (!i)
		fputs("# decision makers = (none of these types; list them here)\n", f);
	else
		fputs(guessed ? "   ; GUESS from the type names: check it\n" : "\n", f);
	if (l->schema && l->schema->list_sep)
		fprintf(f, "list separator = %c\n", l->schema->list_sep);
	else
		fputs("# list separator = |   (between the items of issues and skills; ';' unless set)\n", f);
	cm_strset_release(&types);
	return CM_OK;
}

static void write_columns(const struct cm_landscape *l, FILE *f)
{
	size_t i;

	fputs("\n[columns]\n"
	      "# HEADER = the column coalmap knows it as, when the header is not one of\n"
	      "# its names or synonyms (README, \"Your data\"), e.g.\n"
	      "#   Partner organisation = target\n", f);
	if (l->schema)
		for (i = 0; i < l->schema->nrenames; i++)
			fprintf(f, "%s = %s\n", l->schema->renames[i].header, l->schema->renames[i].column);
	if (l->norg_attrs + l->ntie_attrs) {
		fputs("# Columns kept as they are (attributes):", f);
		for (i = 0; i < l->norg_attrs; i++)
			fprintf(f, "%s %s", i ? "," : "", l->org_attrs[i].name);
		for (i = 0; i < l->ntie_attrs; i++)
			fprintf(f, "%s %s", i + l->norg_attrs ? "," : "", l->tie_attrs[i].name);
		fputs("\n", f);
	}
}

/* [stance] as the file said, and how to write it. */
static void write_stance(const struct cm_landscape *l, FILE *f)
{
	const struct cm_schema_file *sf = l->schema;
	size_t i, n;
	int k;

	fputs("\n[stance]\n"
	      "# The stance column: support, neutral or oppose, or a number on the scale\n"
	      "# (-2..2 unless set here; above the middle supports, below opposes), and\n"
	      "# the data's own words for each, e.g.\n"
	      "#   scale = 1..5\n"
	      "#   support = pro, for\n", f);
	if (sf && sf->scale_set)
		fprintf(f, "scale = %g..%g\n", sf->scale_lo, sf->scale_hi);
	for (k = CM_STANCE_SUPPORT; sf && k <= CM_STANCE_OPPOSE; k++) {
		for (i = 0, n = 0; i < sf->nstances; i++)
			if (sf->stances[i].stance == k) {
				if (!n++)
					fprintf(f, "%s = ", cm_stance_words[k]);
				fprintf(f, "%s%s", n > 1 ? ", " : "", sf->stances[i].word);
			}
		if (n)
			fputs("\n", f);
	}
}

/* 1 when organizations have an attribute called name (a tie column of
 * the same name is listed once). */
static int has_attr(const struct cm_landscape *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->norg_attrs; i++)
		if (!strcasecmp(l->org_attrs[i].name, name))
			return 1;
	return 0;
}

/* 1 when a column's name suggests contacts or notes. */
static int sounds_sensitive(const char *name)
{
	static const char *const parts[] = { "mail", "phone", "mobile", "contact", "note", "address", "comment",
					     "whatsapp", "signal", "passport", NULL };
	char low[128];
	size_t i;

	for (i = 0; name[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[i] = '\0';
	if (!strcmp(low, "tel"))
		return 1;
	for (i = 0; parts[i]; i++)
		if (strstr(low, parts[i]))
			return 1;
	return 0;
}

static void write_sharing(const struct cm_landscape *l, FILE *f)
{
	const struct cm_schema_file *sf = l->schema;
	size_t i, k, n = 0, guessed = 0;

	fputs("\n[sharing]\n"
	      "# What may leave coalmap (docs/sharing.md).  Sensitive columns are never\n"
	      "# written unless --include-sensitive; anonymise names the organizations\n"
	      "# every output shows under pseudonyms unless --anonymise none, e.g.\n"
	      "#   anonymise = type=grassroots\n", f);
	for (i = 0; sf && i < sf->nanonymise; i++)
		fprintf(f, "anonymise = %s\n", sf->anonymise[i]);
	for (k = 0; k < 2; k++)
		for (i = 0; i < (k ? l->ntie_attrs : l->norg_attrs); i++)
			guessed += sounds_sensitive((k ? l->tie_attrs : l->org_attrs)[i].name);
	if (guessed)
		fputs("# GUESS: the names of these columns suggest contacts or notes\n", f);
	for (i = 0; sf && i < sf->nsensitive; i++)
		fprintf(f, "%s%s", n++ ? ", " : "sensitive = ", sf->sensitive[i]);
	for (k = 0; k < 2; k++)
		for (i = 0; i < (k ? l->ntie_attrs : l->norg_attrs); i++) {
			const char *name = (k ? l->tie_attrs : l->org_attrs)[i].name;
			if (sounds_sensitive(name) && !(k && l->norg_attrs && has_attr(l, name)))
				fprintf(f, "%s%s", n++ ? ", " : "sensitive = ", name);
		}
	if (n)
		fputs("\n", f);
}

int cm_schema_file_write(const struct cm_landscape *l, FILE *f, struct cm_error *err)
{
	fputs("# coalmap.ini: how coalmap reads this landscape.  `coalmap init` wrote it\n"
	      "# from the data; every coalmap command reading the landscape reads it too.\n"
	      "# Check the lines marked GUESS.  Comments start with # or ;.\n"
	      "# docs/schema.md explains every setting.\n\n", f);
	write_types(l, f);
	if (write_orgs(l, f) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	write_columns(l, f);
	write_stance(l, f);
	write_sharing(l, f);
	if (ferror(f))
		return cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error");
	return CM_OK;
}

/* ---------------------------------------------------------------- */
/* a starting file for data that do not load yet (coalmap init)       */

struct header {
	char **v;
	size_t n;
};

/* cm_csv_read's row function: keeps the header, then stops. */
static int take_header(void *ctx, const struct cm_csv_row *row)
{
	struct header *h = ctx;
	size_t i;

	if (!(h->v = calloc(row->n + 1, sizeof(*h->v))))
		return CM_ENOMEM;
	for (i = 0; i < row->n; i++) {
		const char *s = row->fields[i];
		size_t n = row->lens[i];
		cm_trim(&s, &n);
		if (!(h->v[h->n] = strndup(s, n)))
			return CM_ENOMEM;
		h->n++;
	}
	return CM_EINTERNAL; /* stop: the header is all we need */
}

static void header_release(struct header *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	memset(h, 0, sizeof(*h));
}

/* One file's header and a guess for each required column it lacks: the
 * first headers that are no column coalmap knows, in order. */
static int template_file(const char *path, int which, FILE *f, int *guessed, struct cm_error *err)
{
	const struct cm_schema *sc = &cm_schemas[which];
	struct header h = { 0 };
	struct cm_diags d;
	size_t i, k, next = 0;
	int rc;

	cm_diags_init(&d);
	rc = cm_csv_read(path, path, take_header, &h, &d, err);
	cm_diags_release(&d);
	if (rc == CM_ENOMEM || (rc < 0 && rc != CM_EINTERNAL) || !h.v) {
		header_release(&h);
		return rc == CM_ENOMEM ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
	}
	fprintf(f, "# %s has the columns:", path);
	for (i = 0; i < h.n; i++)
		fprintf(f, "%s %s", i ? "," : "", h.v[i]);
	fputs("\n", f);
	for (k = 0; k < sc->ncols; k++) {
		if (!(sc->col[k].flags & CM_COL_REQUIRED))
			continue;
		for (i = 0; i < h.n && cm_schema_find(sc, h.v[i], strlen(h.v[i]), 1) != (int)k; i++)
			;
		if (i < h.n)
			continue; /* it has the column, or a synonym of it */
		while (next < h.n && cm_schema_find(sc, h.v[next], strlen(h.v[next]), 1) >= 0)
			next++;
		if (next < h.n && !strpbrk(h.v[next], "=:;#[]")) {
			fprintf(f, "%s = %s   ; GUESS: the %s column, check it\n", h.v[next], sc->col[k].name,
				sc->col[k].name);
			next++;
			*guessed = 1;
		} else
			fprintf(f, "# HEADER = %s   ; which column is the %s? (none left to guess)\n", sc->col[k].name,
				sc->col[k].name);
	}
	header_release(&h);
	return CM_OK;
}

int cm_schema_file_template(const char *input, FILE *f, struct cm_error *err)
{
	struct stat st;
	char *orgs = NULL, *ties = NULL;
	int guessed = 0, rc = CM_OK;

	if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
		orgs = cm_path_join(input, "organizations.csv");
		ties = cm_path_join(input, "relationships.csv");
		if (!orgs || !ties) {
			free(orgs);
			free(ties);
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		}
	}
	fputs("# coalmap.ini: how coalmap reads this landscape.  `coalmap init` wrote it\n"
	      "# as a start: the data did not load (see the errors it printed).  Check the\n"
	      "# lines marked GUESS, fix what the errors name, then run\n"
	      "#   coalmap init --force LANDSCAPE\n"
	      "# to describe the tie types and decision-makers too (the settings below are\n"
	      "# kept).  docs/schema.md explains every setting.\n\n"
	      "[columns]\n"
	      "# HEADER = the column coalmap knows it as (id, name, type, ...; source,\n"
	      "# target, type, weight, ...)\n",
	      f);
	if (orgs) {
		if (is_file(orgs))
			rc = template_file(orgs, CM_ORGS_FILE, f, &guessed, err);
		if (rc == CM_OK && is_file(ties))
			rc = template_file(ties, CM_TIES_FILE, f, &guessed, err);
	} else
		rc = template_file(input, CM_TIES_FILE, f, &guessed, err);
	free(orgs);
	free(ties);
	if (rc < 0)
		return rc;
	fputs("\n[organizations]\n"
	      "# decision makers = TYPE, TYPE   (the org types advocacy wants to move)\n"
	      "# list separator = |   (between the items of issues and skills; ';' unless set)\n",
	      f);
	write_stance(&(const struct cm_landscape){ 0 }, f);
	if (ferror(f))
		return cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error");
	return guessed;
}
