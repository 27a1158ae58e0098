/**
 * The example queries GraphiQL opens with, one tab each; the first is the one shown on arrival.
 * Tests run every one of them against the bundled data, so they never go stale.
 */
export const exampleQueries: { title: string; query: string }[] = [
  {
    title: '低保: its links, with evidence, and its figures',
    query: `# How is 低保 (the minimum living allowance) connected to the rest of the graph,
# with the evidence for each link, and what are its figures?
# Press the ▶ button (or Ctrl-Enter) to run it.
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
    title: 'What an agency issued',
    query: `# The documents 自治区民政厅 issued, whether it led or co-issued, and what each governs.
query AgencyDocuments {
  node(id: "agency:gx-civil-affairs") {
    ... on Agency {
      name
      aliases
      policiesIssued(first: 10) {
        totalCount
        edges {
          relation { role }
          node {
            name
            docType
            unnamedCoIssuerCount
            governs { edges { node { name kind } } }
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Money, by region',
    query: `# Every figure in yuan stated for Guangxi or its cities, with what it pays for.
query MoneyFigures {
  metrics(first: 20, filter: { region: "region:450000", baseUnit: YUAN }) {
    totalCount
    edges {
      node {
        name
        printed
        normalizedValue
        cumulative
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
