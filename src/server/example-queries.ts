/**
 * The example queries GraphiQL opens with, one tab each; the first is the one shown on arrival.
 * Tests run every one of them against the bundled data, so they never go stale.
 */
export const exampleQueries: { title: string; query: string }[] = [
  {
    title: '低保: its links, with evidence, and its figures',
    query: `# How is 低保 (the minimum living allowance) connected to the rest of the graph,
# with the evidence for each link, and what are its figures?
# Press the ▶ button (or Ctrl-Enter) to run it; the other tabs hold more examples.
query MinimumLivingAllowance {
  lookup(name: "低保") {
    id
    kind
    name
    nameEn
    relations(first: 20) {
      totalCount
      edges {
        type
        direction
        node { id kind name }
        relation { citations { span } }
      }
    }
    ... on Program {
      metrics(first: 5) {
        edges {
          node {
            name
            printed
            normalizedValue
            baseUnit
            asOf
            period { start end }
            region { name }
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Search',
    query: `# Search in Chinese, English or pinyin: exact names and aliases rank first, «» marks what matched.
query Search {
  search(text: "养老", first: 10) {
    totalCount
    edges { score matchedField snippet node { id kind name } }
  }
}
`,
  },
  {
    title: 'Shortest path',
    query: `# How is the data-sharing measures document connected to 低保? Each step with its evidence.
query ShortestPath {
  shortestPath(from: "policy:gx-social-assistance-data-sharing-measures", to: "program:minimum-living-allowance") {
    length
    steps {
      direction
      relation { type citations { span } }
      from { name }
      to { name }
    }
  }
}
`,
  },
  {
    title: 'Several paths',
    query: `# Several ways 自治区民政厅 is related to 低保对象, shortest first.
query Paths {
  paths(from: "agency:gx-civil-affairs", to: "target-group:minimum-living-allowance-recipients", maxHops: 3, first: 5) {
    length
    entities { kind name }
    steps { relation { type } direction }
  }
}
`,
  },
  {
    title: 'Neighbourhood',
    query: `# The subgraph around 低保, two relations deep, as flat lists a graph-drawing frontend can use.
query Neighbourhood {
  neighborhood(id: "program:minimum-living-allowance", depth: 2, limit: 60) {
    truncated
    entities { depth entity { id kind name } }
    relations { type from { id } to { id } }
  }
}
`,
  },
  {
    title: 'Figures added up',
    query: `# How many people are under 低保, added without double counting (parts of a total are not added again)?
query PeopleUnderDibao {
  metricAggregate(filter: { program: "program:minimum-living-allowance", baseUnit: PERSON }, groupBy: [PROGRAM]) {
    groupBy
    groups {
      edges {
        node {
          program { name }
          baseUnit
          count
          sum
          mayDoubleCount
          excludedFromSum { edges { node { printed name } } }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Figures by region and unit',
    query: `# Every figure in yuan stated for Guangxi or its cities, with what it pays for.
query MoneyFigures {
  metrics(first: 20, filter: { region: "region:450000", baseUnit: YUAN }) {
    totalCount
    edges {
      node {
        name
        printed
        normalizedValue
        comparator
        period { start end }
        subjects { name kind }
        citations { span }
      }
    }
  }
}
`,
  },
  {
    title: 'Where the money went',
    query: `# Where did the 福彩公益金 (welfare lottery fund) go, and how much?
query WelfareLotteryFund {
  lookup(name: "福彩公益金") {
    name
    ... on Program {
      funds(first: 30) {
        edges {
          node { kind name }
          relation { amount { printed normalizedValue } note citations { span } }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Co-issuing',
    query: `# Which documents did 自治区民政厅 issue jointly, with whom, and with how many departments in all?
query JointDocuments {
  lookup(name: "自治区民政厅") {
    ... on Agency {
      name
      coIssuers { agency { name } documentCount documents { name } }
      jointDocuments(first: 10) {
        totalCount
        edges { node { policy { name } role namedCoIssuers { name } unnamedCoIssuerCount coIssuerCount } }
      }
    }
  }
}
`,
  },
  {
    title: 'What matters most',
    query: `# The agencies with the most relations, and the programs with the most figures.
query Rankings {
  rankings(kind: AGENCY, by: DEGREE, first: 5) { rank score entity { name } }
  programs(orderBy: METRICS, first: 5) { edges { node { name metrics { totalCount } } } }
}
`,
  },
  {
    title: 'In common',
    query: `# What do 低保 and 特困人员救助供养 have in common?
query InCommon {
  commonNeighbors(a: "program:minimum-living-allowance", b: "program:extreme-poverty-support") {
    entity { kind name }
    relationsOfA { type }
    relationsOfB { type }
  }
}
`,
  },
  {
    title: 'Graph shape',
    query: `# How big the graph is, and which kinds each relation type connects.
query GraphShape {
  stats {
    entityCount
    relationCount
    dataVersion
    byKind { kind count }
  }
  ontology {
    relationTypes { type description endpoints { from to } }
  }
}
`,
  },
];
