/* cmd-gaps.c - coalmap gaps: partner recommendations for one organization,
 * or the gaps of the whole landscape. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap gaps LANDSCAPE [--for ORG] [options]\n\n"
	       "With --for ORG: ranks the organizations ORG is not yet tied to as\n"
	       "potential partners, each with a score in [0, 1], its parts and a one-line\n"
	       "reason:\n"
	       "  closeness        shared partners (Adamic-Adar)\n"
	       "  fit              shared issues and the same stance\n"
	       "  complementarity  skills, regions and groups your partners lack\n"
	       "  reach            organizations you would newly reach in two steps\n"
	       "  constraint_drop  how much less your partners would all know each other\n"
	       "  influence        its centrality and assessed influence\n"
	       "  access           a direct access tie to a decision-maker\n"
	       "and risk flags: opposes, conflict (with you or a partner), single_funder.\n"
	       "Without --for: the landscape's gaps: isolates, groups cut off from\n"
	       "decision-makers, communities with no ties between them, single points of\n"
	       "failure, and types, regions, skills and issues absent or thin.\n"
	       "Exact definitions: docs/gaps.md.\n\n"
	       "options:\n"
	       "  --for ORG            recommend partners for this org id\n"
	       "  --top N              keep the N best (default 10; 0 = all)\n"
	       "  --weights K=W,...    component weights, e.g. fit=2,access=3 (default 1 each)\n"
	       "  --need skills=A,B    candidates must bring one of these (also types=, regions=)\n"
	       "  --type T,T           only candidates of these types\n"
	       "  --region R,R         only candidates in these regions\n"
	       "  --exclude-stance S   leave out candidates with this stance (e.g. oppose)\n"
	       "  --include-targets    decision-makers may be candidates too\n"
	       "  --targets T,T        org types that are decision-makers\n"
	       "  --group-by ATTR      groups for complementarity and coverage (default type)\n"
	       CLI_COMMON_HELP);
}

struct lists {
	char **v[8];
	size_t n[8];
};

static int parse_weights(const char *arg, double *w)
{
	char *copy = strdup(arg), *save = NULL, *item;
	int rc = 0;

	if (!copy)
		return -1;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '='), *end;
		size_t k;
		double v;
		if (!eq) {
			rc = -1;
			break;
		}
		*eq = '\0';
		errno = 0;
		v = strtod(eq + 1, &end);
		for (k = 0; k < CM_GAP_NCOMPONENTS && strcmp(cm_gaps_component_name(k), item); k++)
			;
		if (k == CM_GAP_NCOMPONENTS || errno || *end || eq[1] == '\0' || !(v >= 0) || v > 1e6) {
			rc = -1;
			break;
		}
		w[k] = v;
	}
	free(copy);
	return rc;
}

int cmd_gaps(int argc, char **argv)
{
	enum { L_TYPE, L_REGION, L_STANCE, L_TARGETS, L_SKILLS, L_NTYPES, L_NREGIONS };
	static const struct option longopts[] = {
		{ "for", required_argument, NULL, 'F' },
		{ "top", required_argument, NULL, 'n' },
		{ "weights", required_argument, NULL, 'w' },
		{ "need", required_argument, NULL, 'N' },
		{ "type", required_argument, NULL, 'y' },
		{ "region", required_argument, NULL, 'r' },
		{ "exclude-stance", required_argument, NULL, 'x' },
		{ "include-targets", no_argument, NULL, 'I' },
		{ "targets", required_argument, NULL, 'G' },
		{ "group-by", required_argument, NULL, 'g' },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_gaps_opts go;
	struct lists ls;
	struct cm_landscape *l = NULL;
	struct cm_table t;
	struct cm_error err;
	long top = 10;
	int opt, rc, li;
	size_t i, k;

	cm_gaps_opts_init(&go);
	memset(&ls, 0, sizeof(ls));
	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		li = -1;
		switch (opt) {
		case 'h':
			help();
			rc = 0;
			goto out;
		case 'F':
			go.for_org = optarg;
			continue;
		case 'g':
			go.group_by = optarg;
			continue;
		case 'I':
			go.include_targets = 1;
			continue;
		case 'n':
			if (cli_parse_long(optarg, 0, LONG_MAX, &top) < 0) {
				rc = cli_usage_error("gaps", "--top needs a number of rows, not '%s'", optarg);
				goto out;
			}
			continue;
		case 'w':
			if (parse_weights(optarg, go.weights) < 0) {
				rc = cli_usage_error("gaps", "--weights needs NAME=WEIGHT pairs with names %s, %s, %s, %s, "
						     "%s, %s, %s and weights >= 0, not '%s'",
						     cm_gaps_component_name(0), cm_gaps_component_name(1),
						     cm_gaps_component_name(2), cm_gaps_component_name(3),
						     cm_gaps_component_name(4), cm_gaps_component_name(5),
						     cm_gaps_component_name(6), optarg);
				goto out;
			}
			continue;
		case 'N':
			if (!strncmp(optarg, "skills=", 7))
				li = L_SKILLS;
			else if (!strncmp(optarg, "types=", 6))
				li = L_NTYPES;
			else if (!strncmp(optarg, "regions=", 8))
				li = L_NREGIONS;
			if (li < 0 || cli_split_list(strchr(optarg, '=') + 1, &ls.v[li], &ls.n[li]) < 0) {
				rc = cli_usage_error("gaps", "--need takes skills=A,B or types=A,B or regions=A,B, not '%s'",
						     optarg);
				goto out;
			}
			continue;
		case 'y':
			li = L_TYPE;
			break;
		case 'r':
			li = L_REGION;
			break;
		case 'x':
			li = L_STANCE;
			break;
		case 'G':
			li = L_TARGETS;
			break;
		}
		if (li >= 0) {
			if (cli_split_list(optarg, &ls.v[li], &ls.n[li]) < 0) {
				rc = cli_usage_error("gaps", "option needs a comma-separated list, not '%s'", optarg);
				goto out;
			}
			continue;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
#define LIST(i) ((struct cm_strlist){ (const char *const *)ls.v[i], ls.n[i] })
	go.type = LIST(L_TYPE);
	go.region = LIST(L_REGION);
	go.exclude_stance = LIST(L_STANCE);
	go.targets = LIST(L_TARGETS);
	go.need_skills = LIST(L_SKILLS);
	go.need_types = LIST(L_NTYPES);
	go.need_regions = LIST(L_NREGIONS);
#undef LIST
	go.top = (size_t)top;
	if ((rc = cli_begin("gaps", argc, argv, 1, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if ((go.for_org ? cm_gaps_recommend(l, &c.filter, &go, &t, &err) :
			  cm_gaps_landscape(l, &c.filter, &go, &t, &err)) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = cli_finish(&t, &c, l);
out:
	for (k = 0; k < 8; k++) {
		for (i = 0; i < ls.n[k]; i++)
			free(ls.v[k][i]);
		free(ls.v[k]);
	}
	cm_table_release(&t);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
