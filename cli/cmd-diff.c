/* cmd-diff.c - coalmap diff: what changed between two landscapes, or in
 * one landscape between two days. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap diff BEFORE AFTER [options]\n"
	       "       coalmap diff LANDSCAPE --at DATE1 --at DATE2 [options]\n\n"
	       "What changed: between two landscapes (organizations matched by id), or\n"
	       "in one landscape between two days (ties that existed on DATE1 against\n"
	       "those that existed on DATE2).  One row per finding:\n"
	       "  summary             organizations and ties before and after, gained, lost\n"
	       "  orgs_gained, orgs_lost\n"
	       "                      organizations only after, or only before\n"
	       "  orgs_changed        kept organizations whose name, type, country, region,\n"
	       "                      issues, skills, budget, influence or stance changed\n"
	       "  ties_gained, ties_lost\n"
	       "                      ties only after, or only before; a tie is its two\n"
	       "                      ends, its type and its direction ('a -- b (type)' for\n"
	       "                      mutual ties, ends in id order; 'a -> b (type)')\n"
	       "  ties_changed        kept ties whose weight, trust or amount changed\n"
	       "  position            the orgs whose degree, normalized betweenness,\n"
	       "                      PageRank or community changed most (community: the\n"
	       "                      share of its community co-members that changed,\n"
	       "                      a Jaccard distance from 0 to 1)\n"
	       "  communities, network, centralization, inequality, money_and_position,\n"
	       "  funding (and with --group-by: groups, access)\n"
	       "                      every network-wide figure of 'coalmap power', before,\n"
	       "                      after and the change\n"
	       "Columns: section, subject, measure, before, after, change, reading.\n"
	       "With --at, orgs have no dates: every org is there on both days (an org\n"
	       "with no tie on a day is an isolate, as 'coalmap power --at' counts it).\n"
	       "Exact definitions: docs/diff.md.\n\n"
	       "options:\n"
	       "  --at DATE          give twice, with one LANDSCAPE: the two days compared\n"
	       "                     (YYYY-MM-DD; the first is 'before')\n"
	       "  --top N            orgs listed per position measure (default 10; 0 = all)\n"
	       "  --group-by ATTR    also compare the groups of this column (power report)\n"
	       "  --types A,B        use only ties of these types\n"
	       "  --weighted         path metrics use distance 1/weight\n"
	       "  --threads N, --samples K, --exact, --time-limit S, --quiet\n"
	       "                     as for coalmap metrics\n"
	       "  --strict           treat warnings in the data as errors\n"
	       "  -f, --format FMT   table (default), csv, json or md\n"
	       "  -o, --output FILE  write to FILE (format from its extension) instead of stdout\n"
	       "  -h, --help         show this help\n");
}

int cmd_diff(int argc, char **argv)
{
	enum { O_TOP = 1000, O_GROUP };
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, O_TOP },
		{ "group-by", required_argument, NULL, O_GROUP },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_diff_opts o = { NULL, 10 };
	struct cm_landscape *lb = NULL, *la = NULL;
	struct cm_filter fb, fa;
	struct cm_table t;
	struct cm_error err;
	int32_t at[2];
	size_t nat = 0;
	long v;
	int opt, rc, nargs;

	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			rc = 0;
			goto out;
		case 'A':
			if (nat == 2) {
				rc = cli_usage_error("diff", "--at is given twice at most: --at DATE1 --at DATE2");
				goto out;
			}
			if (cm_date_parse(optarg, 0, 0, &at[nat]) < 0) {
				rc = cli_usage_error("diff", "--at '%s' is not a date (YYYY-MM-DD)", optarg);
				goto out;
			}
			nat++;
			continue;
		case O_TOP:
			if (cli_parse_long(optarg, 0, 1000000000L, &v) < 0) {
				rc = cli_usage_error("diff", "--top needs a whole number (0 = all), not '%s'", optarg);
				goto out;
			}
			o.top = (size_t)v;
			continue;
		case O_GROUP:
			o.group_by = optarg;
			continue;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	nargs = argc - optind;
	if (nargs == 2 && nat) {
		rc = cli_usage_error("diff", "--at compares one landscape on two days; with two landscapes "
					     "leave it out");
		goto out;
	}
	if (nargs == 1 && nat != 2) {
		rc = cli_usage_error("diff", "one landscape needs two days: --at DATE1 --at DATE2 (%s given)",
				     nat ? "one" : "none");
		goto out;
	}
	if (nargs != 1 && nargs != 2) {
		rc = cli_usage_error("diff", "expected BEFORE AFTER, or LANDSCAPE --at DATE1 --at DATE2; "
					     "see 'coalmap diff --help'");
		goto out;
	}
	cli_common_finish(&c);
	fb = fa = c.filter;
	if (nargs == 1) {
		fb.has_at = fa.has_at = 1;
		fb.at = at[0];
		fa.at = at[1];
	}
	if ((rc = cli_load(argv[optind], &c, &lb)))
		goto out;
	if (nargs == 2 && (rc = cli_load(argv[optind + 1], &c, &la)))
		goto out;
	cm_error_clear(&err);
	if (cm_diff_compute(lb, &fb, la ? la : lb, &fa, &o, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	{
		const char *inputs[] = { cm_landscape_orgs_path(lb), cm_landscape_ties_path(lb),
					 la ? cm_landscape_orgs_path(la) : NULL, la ? cm_landscape_ties_path(la) : NULL,
					 NULL };
		cli_note_estimates(&t, la ? la : lb, &fa);
		rc = cli_emit(&t, &c, inputs);
	}
out:
	cm_table_release(&t);
	cm_landscape_free(lb);
	cm_landscape_free(la);
	cli_common_release(&c);
	return rc;
}
