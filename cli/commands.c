/* commands.c - the command table: one entry per cli/cmd-<name>.c, in the
 * order 'coalmap --help' lists them. */
#include "config.h"

#include "cli.h"

const struct cli_command *const cli_commands[] = {
	&cli_cmd_check, &cli_cmd_metrics, &cli_cmd_power, &cli_cmd_qap, &cli_cmd_stakeholders, &cli_cmd_gaps, &cli_cmd_path,
	&cli_cmd_diff, &cli_cmd_trend, &cli_cmd_map, &cli_cmd_explore, &cli_cmd_report, &cli_cmd_convert, &cli_cmd_init, &cli_cmd_generate,
	NULL,
};
