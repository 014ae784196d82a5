/* metric.c - the metric registry: every per-organization measure, once. */
#include "config.h"

#include <strings.h>

#include "coalmap.h"

/* name, label, short label, definition, unit, reference, kind, direction, flags */
static const struct cm_metric_info metrics[CM_METRIC_N] = {
	[CM_M_ID] = { "id", "id", "id", "the organization's id", "", "", CM_TEXT, 0, CM_MF_LABEL },
	[CM_M_NAME] = { "name", "organization", "organization", "the organization's name", "", "", CM_TEXT, 0,
			CM_MF_LABEL },
	[CM_M_TYPE] = { "type", "type", "type", "the organization's type", "", "", CM_TEXT, 0, CM_MF_LABEL },
	[CM_M_DEGREE] = { "degree", "partners (degree)", "partners", "number of distinct partners", "orgs",
			  "networkx G.degree()", CM_INT, 1, 0 },
	[CM_M_STRENGTH] = { "strength", "tie strength", "tie strength", "sum of the merged weights of its ties",
			    "weight", "networkx G.degree(weight=)", CM_REAL, 1, 0 },
	[CM_M_IN_DEGREE] = { "in_degree", "incoming ties", "incoming ties",
			     "distinct orgs with a tie to it, on the tie graph", "orgs", "networkx D.in_degree()",
			     CM_INT, 1, 0 },
	[CM_M_OUT_DEGREE] = { "out_degree", "outgoing ties", "outgoing ties",
			      "distinct orgs it has a tie to, on the tie graph", "orgs", "networkx D.out_degree()",
			      CM_INT, 1, 0 },
	[CM_M_BETWEENNESS] = { "betweenness", "brokerage (betweenness)", "brokerage",
			       "shortest paths between other orgs that run through it, unnormalized, each "
			       "unordered pair once", "paths", "networkx betweenness_centrality(G, normalized=False)",
			       CM_REAL, 1, 0 },
	[CM_M_BETWEENNESS_NORM] = { "betweenness_norm", "brokerage (normalized betweenness)", "brokerage",
				    "betweenness / ((n-1)(n-2)/2); 0 when n <= 2", "share",
				    "networkx betweenness_centrality(G)", CM_REAL, 1, 0 },
	[CM_M_HARMONIC] = { "harmonic", "reach (harmonic closeness)", "reach",
			    "sum over the other orgs of 1/distance (0 when unreachable)", "",
			    "networkx harmonic_centrality(G)", CM_REAL, 1, 0 },
	[CM_M_EIGENVECTOR] = { "eigenvector", "well-connected partners (eigenvector)", "well-connected partners",
			       "principal eigenvector of the collaboration graph, scaled so the largest is 1", "",
			       "networkx eigenvector_centrality_numpy(G) / max", CM_REAL, 1, 0 },
	[CM_M_PAGERANK] = { "pagerank", "PageRank", "PageRank", "PageRank on the weighted tie graph, damping 0.85",
			    "share", "networkx pagerank(D, alpha=0.85, weight='weight')", CM_REAL, 1, 0 },
	[CM_M_CONSTRAINT] = { "constraint", "constraint (Burt)", "constraint",
			      "Burt's constraint, weighted; empty for isolates", "",
			      "networkx constraint(G, weight='weight')", CM_REAL, -1, 0 },
	[CM_M_EFFECTIVE_SIZE] = { "effective_size", "effective size (Burt)", "effective size",
				  "Burt's effective size, unweighted; empty for isolates", "orgs",
				  "networkx effective_size(G)", CM_REAL, 1, 0 },
	[CM_M_CLUSTERING] = { "clustering", "clustering (partners who work together)", "clustering",
			      "local clustering coefficient", "share", "networkx clustering(G)", CM_REAL, 0, 0 },
	[CM_M_CORENESS] = { "coreness", "core number", "core", "k-core number", "", "networkx core_number(G)",
			    CM_INT, 1, 0 },
	[CM_M_REACH2] = { "reach2", "orgs within two steps", "two-step reach",
			  "orgs within two steps, itself excluded", "orgs", "networkx len(ego_graph(G, v, 2)) - 1",
			  CM_INT, 1, 0 },
	[CM_M_CP_CORENESS] = { "cp_coreness", "coreness (core/periphery, continuous)", "cp coreness",
			       "Borgatti-Everett continuous coreness: c minimising the sum over pairs of "
			       "(tie - c_i c_j)^2, scaled so the largest is 1; empty without structure", "",
			       "tests/reference/nx_coreperiphery.py (scipy minimize)", CM_REAL, 1, 0 },
	[CM_M_CP_CORE] = { "cp_core", "in the core (core/periphery)", "core member",
			   "1 in the Borgatti-Everett discrete core, 0 in the periphery; empty without structure", "",
			   "tests/reference/nx_coreperiphery.py (brute force)", CM_INT, 1, CM_MF_CATEGORY },
	[CM_M_COMMUNITY] = { "community", "community", "community",
			     "community label (Louvain, deterministic), 1 = the largest", "",
			     "modularity within 0.02 of networkx louvain_communities(G)", CM_INT, 0, CM_MF_CATEGORY },
	[CM_M_ARTICULATION] = { "articulation", "single point of failure", "single point of failure",
				"1 if removing it splits its component", "", "networkx articulation_points(G)", CM_INT,
				0, CM_MF_CATEGORY },
	[CM_M_FUNDING_IN] = { "funding_in", "funding received", "funding received", "money received", "amount",
			      "", CM_REAL, 1, 0 },
	[CM_M_FUNDERS] = { "funders", "funders", "funders", "number of distinct funders", "orgs", "", CM_INT, 1, 0 },
	[CM_M_FUNDING_HHI] = { "funding_hhi", "funder concentration (Herfindahl)", "funder concentration",
			       "Herfindahl index of its funders' shares (1 = one funder); empty without money", "",
			       "", CM_REAL, 0, 0 },
	[CM_M_BETWEENNESS_SE] = { "betweenness_se", "standard error of betweenness", "betweenness error",
				  "standard error of the sampled betweenness estimate", "paths", "", CM_REAL, 0,
				  CM_MF_SAMPLED },
	[CM_M_HARMONIC_SE] = { "harmonic_se", "standard error of harmonic closeness", "reach error",
			       "standard error of the sampled harmonic closeness estimate", "", "", CM_REAL, 0,
			       CM_MF_SAMPLED },
	[CM_M_BETWEENNESS_LOW] = { "betweenness_low", "betweenness, lower bound", "betweenness low",
				   "lower end of the interval that holds betweenness with the stated probability (--epsilon)",
				   "paths", "", CM_REAL, 0, CM_MF_BOUNDED },
	[CM_M_BETWEENNESS_HIGH] = { "betweenness_high", "betweenness, upper bound", "betweenness high",
				    "upper end of the interval that holds betweenness with the stated probability (--epsilon)",
				    "paths", "", CM_REAL, 0, CM_MF_BOUNDED },
	[CM_M_COORDINATOR] = { "coordinator", "coordinator (brokerage role)", "coordinator",
			       "Gould-Fernandez: brokers between two members of its own group", "pairs",
			       "R sna::brokerage w_I", CM_INT, 1, CM_MF_GROUPED },
	[CM_M_ITINERANT] = { "itinerant", "itinerant (brokerage role)", "itinerant",
			     "Gould-Fernandez: brokers between two members of one other group", "pairs",
			     "R sna::brokerage w_O", CM_INT, 1, CM_MF_GROUPED },
	[CM_M_REPRESENTATIVE] = { "representative", "representative (brokerage role)", "representative",
				  "Gould-Fernandez: passes its group's ties out to another group", "pairs",
				  "R sna::brokerage b_IO", CM_INT, 1, CM_MF_GROUPED },
	[CM_M_GATEKEEPER] = { "gatekeeper", "gatekeeper (brokerage role)", "gatekeeper",
			      "Gould-Fernandez: lets another group's ties into its group", "pairs",
			      "R sna::brokerage b_OI", CM_INT, 1, CM_MF_GROUPED },
	[CM_M_LIAISON] = { "liaison", "liaison (brokerage role)", "liaison",
			   "Gould-Fernandez: brokers between two other, different groups", "pairs",
			   "R sna::brokerage b_O", CM_INT, 1, CM_MF_GROUPED },
	[CM_M_BROKERAGE] = { "brokerage", "brokerage roles in all", "brokerage roles",
			     "the five Gould-Fernandez role counts summed", "pairs", "R sna::brokerage t", CM_INT, 1,
			     CM_MF_GROUPED },
};

const struct cm_metric_info *cm_metric_info(enum cm_metric m)
{
	return (unsigned)m < CM_METRIC_N ? &metrics[m] : NULL;
}

int cm_metric_find(const char *name)
{
	int m;

	for (m = 0; m < CM_METRIC_N; m++)
		if (!strcasecmp(metrics[m].name, name))
			return m;
	return -1;
}
