/* cmd-gaps.c - coalmap gaps: partner recommendations for one organization,
 * or the gaps of the whole landscape. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* --weights: the weights given, by component. */
struct weights {
	double w[CM_GAP_NCOMPONENTS];
	unsigned given; /* bit k: w[k] was given */
};

/* --need skills=A,B (or types=, regions=). */
struct need {
	struct cli_list skills, types, regions;
};

struct args {
	const char *for_org, *for_group, *group_by;
	long top;
	struct weights weights;
	struct need need;
	struct cli_list type, region, exclude_stance, targets;
	int include_targets, role;
};

static const struct args defaults = { .top = 10, .role = -1 };

static const struct cli_choice roles[] = {
	{ "strategic", CM_PARTNER_STRATEGIC, 0 },   { "implementing", CM_PARTNER_IMPLEMENTING, 0 },
	{ "distribution", CM_PARTNER_DISTRIBUTION, 0 }, { "access", CM_PARTNER_ACCESS, 0 },
	{ "balanced", CM_PARTNER_BALANCED, 0 },     { "all", CM_PARTNER_ALL, 0 },
	{ NULL, 0, 0 },
};

static int parse_weights(const char *cmd, char *arg, void *value)
{
	struct weights *w = value;
	char *copy = strdup(arg), *save = NULL, *item;
	int rc = 0;

	if (!copy)
		rc = -1;
	for (item = copy ? strtok_r(copy, ",", &save) : NULL; item; item = strtok_r(NULL, ",", &save)) {
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
		w->w[k] = v;
		w->given |= 1u << k;
	}
	free(copy);
	if (rc < 0)
		return cli_usage_error(cmd, "--weights needs NAME=WEIGHT pairs with names %s, %s, %s, %s, "
				       "%s, %s, %s and weights >= 0, not '%s'",
				       cm_gaps_component_name(0), cm_gaps_component_name(1),
				       cm_gaps_component_name(2), cm_gaps_component_name(3),
				       cm_gaps_component_name(4), cm_gaps_component_name(5),
				       cm_gaps_component_name(6), arg);
	return 0;
}

static int parse_need(const char *cmd, char *arg, void *value)
{
	struct need *n = value;
	struct cli_list *l = NULL;

	if (!strncmp(arg, "skills=", 7))
		l = &n->skills;
	else if (!strncmp(arg, "types=", 6))
		l = &n->types;
	else if (!strncmp(arg, "regions=", 8))
		l = &n->regions;
	if (!l || cli_list_split(l, strchr(arg, '=') + 1) < 0)
		return cli_usage_error(cmd, "--need takes skills=A,B or types=A,B or regions=A,B, not '%s'", arg);
	return 0;
}

static void release_need(void *value)
{
	struct need *n = value;

	cli_list_release(&n->skills);
	cli_list_release(&n->types);
	cli_list_release(&n->regions);
}

#define ARG(f) offsetof(struct args, f)

static const struct cli_option options[] = {
	{ .name = "for", .arg = "ORG", .kind = CLI_OPT_STRING, .offset = ARG(for_org),
	  .help = "recommend partners for ORG (an id or a name), or for a coalition of several, separated by "
		  "commas (ORG,ORG,...), taken as one" },
	{ .name = "for-group", .arg = "ATTR=VALUE", .kind = CLI_OPT_STRING, .offset = ARG(for_group),
	  .help = "recommend partners for the coalition of the orgs whose ATTR is VALUE (e.g. coalition=EFA; "
		  "a computed column such as community too)" },
	{ .name = "role", .arg = "ROLE", .kind = CLI_OPT_ENUM, .offset = ARG(role), .choices = roles,
	  .expect = "partner role",
	  .help = "the partners sought: strategic (the default), implementing, distribution, access, all (a "
		  "list for each of the four), or balanced (the seven components weighted by --weights)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = ARG(top), .min = 0, .max = LONG_MAX,
	  .expect = "a number of rows", .help = "keep the N best of each role (default 10; 0 = all)" },
	{ .name = "weights", .arg = "K=W,...", .kind = CLI_OPT_CUSTOM, .offset = ARG(weights),
	  .parse = parse_weights,
	  .help = "the balanced score's component weights, e.g. fit=2,access=3 (default 1 each); implies "
		  "--role balanced" },
	{ .name = "need", .arg = "skills=A,B", .kind = CLI_OPT_CUSTOM, .offset = ARG(need),
	  .parse = parse_need, .release = release_need,
	  .help = "candidates must bring one of these (also types=, regions=)" },
	{ .name = "type", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = ARG(type), .names = CM_NAME_ORG_TYPE,
	  .help = "only candidates of these types" },
	{ .name = "region", .arg = "R,R", .kind = CLI_OPT_LIST, .offset = ARG(region), .names = CM_NAME_REGION,
	  .help = "only candidates in these regions" },
	{ .name = "exclude-stance", .arg = "S", .kind = CLI_OPT_LIST, .offset = ARG(exclude_stance), .names = CM_NAME_STANCE,
	  .help = "leave out candidates with this stance (e.g. oppose)" },
	{ .name = "include-targets", .kind = CLI_OPT_FLAG, .offset = ARG(include_targets),
	  .help = "decision-makers may be candidates too" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = ARG(targets), .names = CM_NAME_ORG_TYPE,
	  .expect = "a comma-separated list of org types", .help = "org types that are decision-makers" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = ARG(group_by),
	  .help = "groups for complementarity and coverage (default type)" },
	{ .name = NULL },
};

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_gaps_opts go;
	struct cm_table *t = &cx->table;
	size_t k;

	if (a->weights.given && a->role >= 0 && a->role != CM_PARTNER_BALANCED)
		return cli_usage_error("gaps", "--weights weighs the balanced score; it does not go with --role %s",
				       cm_partner_role_name(a->role));
	if (a->for_org && a->for_group)
		return cli_usage_error("gaps", "--for and --for-group name the focus twice; give one");
	if (!a->for_org && !a->for_group && a->role >= 0)
		return cli_usage_error("gaps", "--role goes with --for ORG or --for-group ATTR=VALUE");
	cm_gaps_opts_init(&go);
	go.role = a->role >= 0 ? (enum cm_partner_role)a->role
			       : a->weights.given ? CM_PARTNER_BALANCED : CM_PARTNER_STRATEGIC;
	go.for_org = a->for_org;
	go.for_group = a->for_group;
	go.group_by = a->group_by;
	go.include_targets = a->include_targets;
	for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
		if (a->weights.given & (1u << k))
			go.weights[k] = a->weights.w[k];
#define LIST(l) ((struct cm_strlist){ (const char *const *)(l).v, (l).n })
	go.type = LIST(a->type);
	go.region = LIST(a->region);
	go.exclude_stance = LIST(a->exclude_stance);
	go.targets = LIST(a->targets);
	go.need_skills = LIST(a->need.skills);
	go.need_types = LIST(a->need.types);
	go.need_regions = LIST(a->need.regions);
#undef LIST
	go.top = (size_t)a->top;
	if ((go.for_org || go.for_group ? cm_recommend(cx->analysis, &go, t, &cx->err)
					 : cm_gaps(cx->analysis, &go, t, &cx->err)) < 0)
		return cli_fail(&cx->err);
	if (go.for_org || go.for_group) {
		char limits[1024];
		if (cm_recommend_limits(cx->analysis, &go, limits, sizeof(limits), &cx->err) < 0)
			return cli_fail(&cx->err);
		for (char *line = limits, *nl; *line && !c->quiet; line = nl ? nl + 1 : line + strlen(line)) {
			if ((nl = strchr(line, '\n')))
				*nl = '\0';
			fprintf(stderr, "%s: note: %s\n", cli_progname, line);
		}
	}
	return cli_finish(t, c, cx->analysis);
}

const struct cli_command cli_cmd_gaps = {
	.name = "gaps",
	.summary = "who are we missing: partner recommendations, or the landscape's gaps",
	.usage = "LANDSCAPE [--for ORG] [options]",
	.description =
		"With --for ORG (or a coalition: --for A,B,C or --for-group ATTR=VALUE,\n"
		"its members taken as one): ranks the organizations ORG is not yet tied to as\n"
		"potential partners in a role (--role), each with a score in [0, 1] and a\n"
		"one-line reason.  Each role admits its own candidates and scores them\n"
		"its own way:\n"
		"  strategic     shares the goal (an issue or the stance; an opponent never);\n"
		"                score: closeness and fit (closeness alone when ORG has no\n"
		"                issues or stance: said in a note)\n"
		"  implementing  brings skills neither ORG nor its partners have (an opponent\n"
		"                never); score: those skills and closeness\n"
		"  distribution  reaches organizations ORG does not (an opponent never);\n"
		"                score: reach and influence\n"
		"  access        has direct access to a decision-maker (an opponent never);\n"
		"                score: closeness and influence\n"
		"  balanced      everyone; the weighted mean of the seven components\n"
		"The components, each in [0, 1]:\n"
		"  closeness        shared partners (Adamic-Adar)\n"
		"  fit              shared issues and the same stance\n"
		"  complementarity  skills, regions and groups your partners lack\n"
		"  reach            organizations you would newly reach in two steps\n"
		"  constraint_drop  how much less your partners would all know each other\n"
		"  influence        its centrality and assessed influence\n"
		"  access           direct access to a decision-maker (an access, information,\n"
		"                   membership or working tie to one)\n"
		"and risk flags: opposes, unknown_stance, conflict (with you or a partner),\n"
		"single_funder, dominant (three times your partners or more), redundant\n"
		"(works only with your partners), no_introduction (no chain of ties leads\n"
		"to it).  Each reason ends with the best introduction chain, as 'coalmap\n"
		"path' ranks it; for a coalition it also names the coalition's gaps the\n"
		"candidate closes (a skill, region or type no member or partner has, a\n"
		"first Global-South member, access).  A note says what could not be\n"
		"assessed.\n"
		"Without --for: the landscape's gaps: isolates, groups cut off from\n"
		"decision-makers, communities with no ties between them, single points of\n"
		"failure, and types, regions, skills and issues absent or thin.\n"
		"Exact definitions: docs/gaps.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.run = run,
};
