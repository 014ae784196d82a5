/* man.c - the man page: the prose written by hand, around the commands
 * and options printed from the command table (cli_man_commands).  The
 * committed coalmap.1 is what `coalmap help --man` prints; tests/cli/help.sh
 * fails when they differ, and `make update-man` writes it again. */
#include "config.h"

#include <stdio.h>

#include "cli.h"

/* Title, name, synopsis and description. */
static const char head[] =
	".TH COALMAP 1 \"2026-11\" \"coalmap " PACKAGE_VERSION "\" \"User Commands\"\n"
	".SH NAME\n"
	"coalmap \\- map coalitions: centrality, gaps and power in networks of organizations\n"
	".SH SYNOPSIS\n"
	".B coalmap\n"
	".I COMMAND\n"
	".RI [ options ]\n"
	".br\n"
	".B coalmap help\n"
	".RI [ COMMAND ]\n"
	".br\n"
	".B coalmap \\-\\-version\n"
	".SH DESCRIPTION\n"
	".B coalmap\n"
	"reads a\n"
	".I landscape\n"
	"\\(em a folder holding\n"
	".B organizations.csv\n"
	"and\n"
	".B relationships.csv\n"
	"\\(em and computes who holds a network of organizations together.\n"
	".PP\n"
	"A command, and a long option, may be shortened to any prefix that names\n"
	"only it:\n"
	".B coalmap met \\-\\-so degree\n"
	"is\n"
	".BR \"coalmap metrics \\-\\-sort degree\" .\n";

/* Data format, environment, exit status, examples, see also. */
static const char tail[] =
	".SH DATA FORMAT\n"
	"See README.md and SPEC.md: organizations.csv needs an\n"
	".B id\n"
	"column; relationships.csv needs\n"
	".B source\n"
	"and\n"
	".BR target .\n"
	"Delimiter (comma, semicolon or tab), UTF-8 BOM and CRLF line ends are detected.\n"
	".SH ENVIRONMENT\n"
	".TP\n"
	".B COALMAP_PROGRESS_AFTER\n"
	"Seconds a command runs before the progress line appears on a terminal\n"
	"(default 2).\n"
	".SH EXIT STATUS\n"
	"0 success, 64 usage error, 65 bad data (every problem listed as FILE:LINE: message),\n"
	"66 missing input, 70 internal error, 73 output cannot be created.\n"
	".SH EXAMPLES\n"
	".nf\n"
	"coalmap check datasets/education-coalition\n"
	"coalmap metrics datasets/education-coalition --sort betweenness --top 10\n"
	"coalmap metrics datasets/florentine --types marriage -o metrics.csv\n"
	"coalmap gaps datasets/education-coalition --for ke_kibanda\n"
	"coalmap map datasets/education-coalition -o map.svg --color-by region\n"
	"coalmap report datasets/education-coalition --for ke_kibanda --group-by region -o report.html\n"
	"coalmap diff datasets/education-coalition --at 2019-01-01 --at 2024-01-01\n"
	"coalmap map datasets/education-coalition -o change.svg --diff-at 2019-01-01,2024-01-01\n"
	".fi\n"
	".SH SEE ALSO\n"
	".B coalmap help\n"
	".I COMMAND\n"
	"and\n"
	".B coalmap\n"
	".I COMMAND\n"
	".B \\-\\-help\n"
	"describe every option.  README.md is the user guide; docs/power.md,\n"
	"docs/gaps.md and docs/maps.md define every figure.\n";

void cli_man_page(FILE *f)
{
	fputs(head, f);
	cli_man_commands(f);
	fputs(tail, f);
}
