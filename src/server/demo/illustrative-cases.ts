import type { z } from 'zod';
import type { CodeDirection, Factor } from '../../shared/case-vocabulary.ts';
import type { CaseCreate } from '../../shared/cases.ts';

/**
 * Illustrative co-creation cases for the demo, written in the spirit of the EU LIPSE research
 * (Learning from Innovation in Public Sector Environments, 2013–2016): co-creation with citizens
 * (Voorberg, Bekkers & Tummers 2015) and the drivers and barriers of public-sector innovation
 * (De Vries, Bekkers & Tummers 2016). The cases are fictional but realistic: places are real,
 * people are not named, and every case is marked `illustrative: true` so that the platform never
 * presents it as research data. Each case is coded by the demo coder Anna and most also,
 * independently, by Jonas, with mostly but not entirely the same codes, so the inter-coder
 * agreement view has something to show.
 */
export type IllustrativeCase = {
  /** Stable key of the case within the demo content. */
  key: string;
  case: z.input<typeof CaseCreate>;
  codes: { coder: 'anna' | 'jonas'; factor: Factor; direction: CodeDirection; evidence: string }[];
};

type Coder = IllustrativeCase['codes'][number]['coder'];
type CodeRow = [Factor, CodeDirection, string];

const D = 'driver' satisfies CodeDirection;
const B = 'barrier' satisfies CodeDirection;

function coded(coder: Coder, rows: CodeRow[]): IllustrativeCase['codes'] {
  return rows.map(([factor, direction, evidence]) => ({ coder, factor, direction, evidence }));
}

/** What every illustrative case shares (lists such as links are left to their defaults). */
const common = {
  status: 'published',
  illustrative: true,
  licence: 'CC BY 4.0',
} as const;

export const ILLUSTRATIVE_CASES: IllustrativeCase[] = [
  // ---------------------------------------------------------------- Germanic: NL
  {
    key: 'rotterdam-neighbourhood-company',
    case: {
      ...common,
      title: "Residents' neighbourhood company in Rotterdam-Zuid",
      summary:
        'Residents of a Rotterdam-Zuid neighbourhood run their own company for green maintenance, catering and small repairs. The council brokered the partners, guaranteed the use of a former school building and buys services from the company instead of subsidising it.',
      countries: ['NL'],
      level: 'local',
      sector: '06',
      yearLaunched: 2014,
      startDate: '2014-03-01',
      endDate: null,
      ongoing: true,
      stage: 'diffusing_lessons',
      maturity: 'implemented',
      facets: ['enhancement', 'adaptive'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'empower',
      experimentation: 'pilot',
      technology: null,
      tags: [
        'neighbourhood company',
        'right to challenge',
        'community enterprise',
        'social cohesion',
        'public space',
      ],
      partners: [
        { name: "Residents' cooperative of the neighbourhood company", role: 'lead' },
        { name: 'Gemeente Rotterdam', role: 'facilitator' },
        { name: 'Local housing association', role: 'partner' },
        { name: 'Regional social investment fund', role: 'funder' },
        { name: 'Erasmus University Rotterdam', role: 'partner' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'Around 25 residents employed part-time; about 150 volunteers a year.',
        },
        {
          dimension: 'service_quality',
          evidence: 'monitored',
          note: "Council inspections rate maintenance equal to the previous contractor's.",
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'Maintenance at a cost similar to the previous contract.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'anecdotal',
          note: 'Residents report more contact with neighbours; not formally evaluated.',
        },
      ],
      resources: ['space', 'contacts', 'money', 'knowledge', 'people'],
      sections: {
        problem:
          'Green maintenance and small community services in the neighbourhood were contracted to large providers from outside, while many residents were out of work. Residents felt that the neighbourhood was done to them rather than with them.',
        context:
          "Rotterdam-Zuid has long-standing problems of unemployment and low trust in institutions. The decentralisation of social care to Dutch municipalities in 2015 pushed councils to look for new arrangements with residents, and the 'right to challenge' gave residents a formal route to take over council tasks they could do better or cheaper.",
        partners:
          "A residents' cooperative leads the company. The council acted as a broker: it introduced the residents to a housing association, a social investment fund and a caterer, and guaranteed the use of a vacant school building for ten years at a nominal rent. A university team documents the process.",
        process:
          "Residents started with a kitchen-table plan and a lunchroom in the empty school. A council neighbourhood broker with a mandate across departments gathered the partners around the table and helped write the business plan. Under the right to challenge, the council then moved part of the green-maintenance budget to the company, with agreed quality standards. Monthly residents' meetings decide on new activities.",
        results:
          'After four years the company employs around 25 residents part-time, maintains parks and courtyards, and runs a lunchroom and a repair café. Council inspections show maintenance quality equal to the previous contractor at a similar cost. Residents report more contact with neighbours, though this has not been formally evaluated.',
        challenges:
          "Procurement rules made it hard to award work to a residents' company without a tender, and the first contract took 14 months to agree. Several council departments kept treating the company as a subsidy recipient rather than as a contractor. A small group of very active residents carries much of the work, and burnout is a real risk.",
        conditions:
          'The guaranteed building gave the company a base and credibility with other partners. A civil servant with the mandate to cross departmental lines acted as a connective leader. Clear agreements on quality and money made the council willing to take the risk.',
        replication:
          'Two other Rotterdam neighbourhoods have started similar companies, adapting the model to their own mix of skills. Delegations from other Dutch cities visited, but few matched the long-term guarantee of a building.',
        lessons:
          "Government's most useful role was not to fund the initiative but to broker partners, open doors and guarantee space. Buying services instead of handing out subsidies made residents and council equal partners. Watch the load on the core volunteers from the start.",
      },
    },
    codes: [
      ...coded('anna', [
        [
          'org.leadership',
          D,
          'A civil servant with the mandate to cross departmental lines acted as a connective leader.',
        ],
        [
          'env.networks',
          D,
          'The council introduced the residents to a housing association, a social investment fund and a caterer.',
        ],
        [
          'org.slack_resources',
          D,
          'The council guaranteed the use of a vacant school building for ten years at a nominal rent.',
        ],
        ['coc.ownership', D, "Monthly residents' meetings decide on new activities."],
        [
          'env.regulation',
          B,
          "Procurement rules made it hard to award work to a residents' company without a tender.",
        ],
        [
          'coo.compatibility',
          B,
          'Several council departments kept treating the company as a subsidy recipient rather than as a contractor.',
        ],
      ]),
      ...coded('jonas', [
        ['org.leadership', D, 'Neighbourhood broker with a mandate across departments.'],
        ['env.networks', D, 'Council brokered housing association, investment fund and caterer.'],
        ['coc.ownership', D, 'Residents decide on activities in monthly meetings.'],
        ['env.regulation', B, 'First contract took 14 months because of procurement rules.'],
        [
          'coo.compatibility',
          B,
          'Departments treat the company as a subsidy recipient, not a contractor.',
        ],
        [
          'coc.social_capital',
          B,
          'A small group of very active residents carries much of the work.',
        ],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Scandinavian: DK
  {
    key: 'aarhus-care-circles',
    case: {
      ...common,
      title: "Co-produced home care with 'care circles' in Aarhus",
      summary:
        'Older people living at home, their relatives, volunteers and home-care staff plan care together in small care circles. The municipality trained its staff as facilitators and gives each circle a small budget to spend on what matters to the older person.',
      countries: ['DK'],
      level: 'local',
      sector: '10',
      yearLaunched: 2016,
      startDate: '2016-09-01',
      endDate: null,
      ongoing: true,
      stage: 'evaluating',
      maturity: 'implemented',
      facets: ['enhancement'],
      innovationTypes: ['product_service', 'process_administrative'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'pilot',
      technology: null,
      tags: ['elderly care', 'co-production', 'home care', 'volunteers', 'loneliness'],
      partners: [
        { name: 'Aarhus Kommune, home-care department', role: 'lead' },
        { name: "Local senior citizens' council", role: 'partner' },
        { name: 'Municipal volunteer centre', role: 'implementer' },
        { name: 'University college nursing programme', role: 'partner' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'service_quality',
          evidence: 'evaluated',
          note: 'Higher satisfaction with care than in comparison districts.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'evaluated',
          note: 'Fewer unplanned hospital admissions than in comparison districts.',
        },
        {
          dimension: 'efficiency',
          evidence: 'monitored',
          note: 'Home-care hours per client fell slightly.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 600 circles active.',
        },
      ],
      resources: ['people', 'knowledge', 'money', 'expertise'],
      sections: {
        problem:
          'Home care was organised around standard time slots per task, and older people felt like cases on a schedule. Loneliness and early moves to nursing homes were rising, and relatives felt shut out of decisions about care.',
        context:
          "Danish municipalities carry full responsibility for elderly care and had already introduced 'everyday rehabilitation', which helps people keep doing things themselves. Tight budgets and staff shortages made simply expanding the service impossible.",
        partners:
          "The municipality's home-care department leads. The senior citizens' council co-designed the format, the volunteer centre recruits and supports volunteers, and a university college evaluates the results.",
        process:
          'Six design workshops with older people, relatives and care workers produced the circle format: a meeting every six weeks where the older person sets goals and everybody agrees who does what. Staff were trained as facilitators rather than providers. After a pilot in two districts in 2016–2017, the circles were rolled out across the city.',
        results:
          'An evaluation after two years found higher satisfaction with care and fewer unplanned hospital admissions than in comparison districts. Home-care hours per client fell slightly, as relatives and volunteers took over social tasks. About 600 circles are now active.',
        challenges:
          'Some care workers saw the circles as a cover for cuts, and the union was at first opposed. Older people without relatives or networks benefited less, because their circles stayed small. The registration system could not record tasks done by volunteers, so the time saved was hard to show.',
        conditions:
          "The existing rehabilitation culture made the idea familiar. A care manager defended the time spent on meetings, and the municipality guaranteed that no jobs would be cut. A small discretionary budget per circle made the older person's goals concrete.",
        replication:
          'Three neighbouring municipalities adapted the format, one of them for people with dementia. The volunteer part was harder to copy in rural areas with fewer volunteers.',
        lessons:
          'Co-production works when professionals change their role from provider to facilitator, and that takes training and time. Say clearly what co-production is not — a savings plan — to keep staff on board. Pay special attention to people with little social capital.',
      },
    },
    codes: [
      ...coded('anna', [
        ['coo.open_attitude', D, 'Staff were trained as facilitators rather than providers.'],
        [
          'org.culture',
          D,
          "The existing 'everyday rehabilitation' culture made the idea familiar.",
        ],
        ['org.leadership', D, 'A care manager defended the time spent on meetings.'],
        [
          'org.conflict',
          B,
          'Some care workers saw the circles as a cover for cuts, and the union was at first opposed.',
        ],
        [
          'coc.social_capital',
          B,
          'Older people without relatives or networks benefited less, because their circles stayed small.',
        ],
        [
          'inn.observability',
          B,
          'The registration system could not record tasks done by volunteers, so the time saved was hard to show.',
        ],
      ]),
      ...coded('jonas', [
        ['coo.open_attitude', D, 'Staff retrained as facilitators.'],
        ['org.culture', D, 'Builds on the everyday rehabilitation culture.'],
        ['org.leadership', D, 'Care manager protected meeting time.'],
        ['ind.acceptance', B, 'Care workers saw the circles as a cover for cuts.'],
        ['coc.social_capital', B, 'Isolated older people have small circles and benefit less.'],
        ['inn.observability', B, 'Volunteer tasks invisible in the registration system.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Anglo-Saxon: GB
  {
    key: 'west-of-england-transport-sandbox',
    case: {
      ...common,
      title: 'Regulatory sandbox for on-demand community minibuses, West of England',
      summary:
        'Village community transport groups near Bristol trialled app- and phone-booked minibus rides under a time-limited exemption from bus licensing rules, agreed by the combined authority and the regulator, to see whether shared rides can replace lost bus routes.',
      countries: ['GB'],
      level: 'regional',
      sector: '04',
      yearLaunched: 2019,
      startDate: '2019-05-01',
      endDate: null,
      ongoing: true,
      stage: 'diffusing_lessons',
      maturity: 'implemented',
      facets: ['adaptive', 'anticipatory'],
      innovationTypes: ['product_service', 'governance', 'process_technological'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'sandbox',
      technology: 'Ride-booking app',
      tags: ['regulatory sandbox', 'rural transport', 'community transport', 'demand-responsive'],
      partners: [
        { name: 'West of England Combined Authority', role: 'lead' },
        { name: "Regional traffic commissioner's office", role: 'partner' },
        { name: 'Three village community transport charities', role: 'implementer' },
        { name: 'Small software company', role: 'implementer' },
        { name: 'National transport innovation fund', role: 'funder' },
        { name: 'Regional university transport research group', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'effectiveness',
          evidence: 'evaluated',
          note: 'About 38,000 rides in the sandbox period, 40% by people over 70.',
        },
        {
          dimension: 'cost',
          evidence: 'evaluated',
          note: 'Cost per ride above a busy bus route but below the subsidised route it replaced.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'Booking rules co-designed in village-hall sessions; 60 volunteer drivers.',
        },
      ],
      resources: ['money', 'knowledge', 'information', 'people', 'expertise'],
      sections: {
        problem:
          'Commercial bus routes to villages were cut, leaving older residents and young people without transport. Community transport groups had volunteers and minibuses, but their permits did not allow them to offer rides to the general public on demand.',
        context:
          'Outside London, bus services in England are largely left to commercial operators, and the 2017 Bus Services Act gave combined authorities new powers. A national future-of-mobility agenda encouraged regulators to try controlled experiments.',
        partners:
          "The combined authority leads and funds the evaluation. The traffic commissioner's office agreed the exemption, three village charities run the service with volunteer drivers, a small software company built the booking system, and a university research group evaluated it.",
        process:
          'The combined authority and the regulator agreed a sandbox: 30 months, three villages, defined safety and insurance conditions, and monthly data reports. Residents co-designed the booking rules in village-hall sessions, including a phone line for people without smartphones.',
        results:
          'The sandbox carried about 38,000 rides, 40% of them by people over 70. The cost per ride was higher than on a busy bus route but lower than the subsidised route it replaced. On the strength of the evaluation, the regulator issued guidance that allows similar services under existing permits.',
        challenges:
          'Insurance was hard to arrange for an unfamiliar service. A shortage of volunteer drivers during the pandemic halted one village service for months. The app was at first unusable for many older residents, which the phone line fixed.',
        conditions:
          "The regulator's willingness to engage early, a clear time box with agreed metrics, and community groups that residents already trusted.",
        replication:
          'Two other combined authorities have started services under the new guidance. The booking software was released under an open licence.',
        lessons:
          'The value of a sandbox lies in producing evidence a regulator can act on. Co-designing the booking rules mattered more than the app. Plan for volunteer capacity before scaling up.',
      },
    },
    codes: coded('anna', [
      ['env.regulation', D, "The regulator's willingness to engage early."],
      ['inn.trialability', D, 'A sandbox: 30 months, three villages, defined conditions.'],
      ['env.external_pressure', D, 'Commercial bus routes to villages were cut.'],
      ['coc.trust', D, 'Community groups that residents already trusted.'],
      ['inn.ease_of_use', B, 'The app was at first unusable for many older residents.'],
      [
        'org.slack_resources',
        B,
        'A shortage of volunteer drivers during the pandemic halted one village service for months.',
      ],
    ]),
  },

  // ---------------------------------------------------------------- CEE: PL
  {
    key: 'lodz-green-participatory-budget',
    case: {
      ...common,
      title: "Green citizens' budget with neighbourhood assemblies in Łódź",
      summary:
        'Łódź set aside part of its participatory budget for climate projects proposed by residents. Neighbourhood assemblies helped people turn ideas into costed proposals, residents from age 13 voted online or on paper, and the city built the winning projects.',
      countries: ['PL'],
      level: 'local',
      sector: '05',
      yearLaunched: 2019,
      startDate: '2019-01-15',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['mission', 'enhancement'],
      innovationTypes: ['governance'],
      citizenRoles: ['co_initiator', 'co_designer'],
      participation: 'empower',
      experimentation: 'none',
      technology: 'Online voting',
      tags: ['participatory budget', 'climate', 'urban greening', 'youth participation'],
      partners: [
        { name: 'City of Łódź, social participation office', role: 'lead' },
        { name: 'Coalition of local environmental NGOs', role: 'facilitator' },
        { name: 'Neighbourhood councils', role: 'partner' },
        { name: 'Local university sociology department', role: 'partner' },
        { name: 'European network of cities for social innovation', role: 'partner' },
        { name: 'EEA and Norway Grants', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'Turnout up from 8% to 12% of eligible residents.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: 'About 110 green projects funded; 9,000 trees planted.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'Maintenance costs were not budgeted at first.',
        },
      ],
      resources: ['money', 'expertise', 'contacts', 'space'],
      sections: {
        problem:
          'The participatory budget attracted the same active groups every year, and its projects were dominated by sports fields and road repairs. Few projects addressed heat, flooding or the lack of green space, and turnout was falling.',
        context:
          "Since 2018 Polish law requires cities with county rights to hold a citizens' budget of at least 0.5% of their expenditure. Łódź had run one since 2013. The city's dense centre suffers from summer heat islands.",
        partners:
          "The city's social participation office runs the process. A coalition of environmental NGOs ran idea workshops, neighbourhood councils hosted the assemblies, and university researchers surveyed voters.",
        process:
          'A fixed green pool was set aside within the budget. In each district an assembly helped residents develop ideas, and city experts gave cost estimates on the spot. Proposals went through a feasibility check with a right of appeal, then a two-week vote online and at paper ballot points in libraries. Residents were invited to planting days when projects were built.',
        results:
          'In the first three rounds about 110 green projects were funded, including pocket parks, rain gardens and 9,000 trees. Turnout rose from 8% to 12% of eligible residents, with a clear increase among people under 25. The city publishes the state of every project online.',
        challenges:
          'Several projects were rejected late because of land-ownership problems, which angered their proposers. Maintenance costs were not included in project budgets, so some gardens deteriorated. Online voting with national identity numbers excluded foreign residents until paper ballots were allowed for them.',
        conditions:
          'The legal requirement gives the budget stable funding whatever the politics. The NGO coalition reached groups the city could not. Public tracking of every project keeps the process credible.',
        replication:
          'Several other Polish cities added thematic pools to their budgets after exchanges in the association of Polish cities. The checklist on land ownership and maintenance was shared with them.',
        lessons:
          "Thematic pools steer without taking away residents' choice. Include maintenance in the cost of every project, and check land ownership before the vote, not after.",
      },
    },
    codes: [
      ...coded('anna', [
        [
          'env.regulation',
          D,
          'The legal requirement gives the budget stable funding whatever the politics.',
        ],
        ['env.networks', D, 'The NGO coalition reached groups the city could not.'],
        ['inn.observability', D, 'The city publishes the state of every project online.'],
        ['coc.ownership', D, 'Residents were invited to planting days when projects were built.'],
        [
          'org.structure',
          B,
          'Several projects were rejected late because of land-ownership problems.',
        ],
        [
          'org.slack_resources',
          B,
          'Maintenance costs were not included in project budgets, so some gardens deteriorated.',
        ],
      ]),
      ...coded('jonas', [
        ['env.regulation', D, 'Mandatory civic budget of at least 0.5% of expenditure.'],
        ['env.networks', D, 'Environmental NGO coalition ran the idea workshops.'],
        ['inn.observability', D, 'Progress of every project published.'],
        ['org.structure', B, 'Land-ownership checks came too late.'],
        ['org.slack_resources', B, 'No budget for maintenance.'],
        [
          'coo.compatibility',
          B,
          'Online voting with national ID numbers excluded foreign residents.',
        ],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Napoleonic: BE
  {
    key: 'ghent-solar-cooperative',
    case: {
      ...common,
      title: "Citizens' solar cooperative on school roofs in Ghent",
      summary:
        'Residents founded an energy cooperative that leases school and sports-hall roofs from the city for solar panels. Members invest from €250, the city buys the power at a fixed price, and pupils follow the installations in science lessons.',
      countries: ['BE'],
      level: 'local',
      sector: '04',
      yearLaunched: 2017,
      startDate: '2017-04-01',
      endDate: null,
      ongoing: true,
      stage: 'diffusing_lessons',
      maturity: 'implemented',
      facets: ['mission'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'none',
      technology: 'Solar photovoltaics',
      tags: ['energy cooperative', 'renewable energy', 'energy community', 'climate', 'schools'],
      partners: [
        { name: 'Neighbourhood energy cooperative', role: 'lead' },
        { name: 'City of Ghent, climate unit', role: 'partner' },
        { name: 'Flemish federation of energy cooperatives', role: 'partner' },
        { name: 'Local cooperative bank', role: 'funder' },
        { name: 'Network of secondary schools', role: 'partner' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: '34 roofs with 2.8 MWp installed by 2023.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 1,900 members; mostly older and highly educated.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'The city pays less for electricity than at market prices.',
        },
        {
          dimension: 'private_involvement',
          evidence: 'anecdotal',
          note: 'Local installer and cooperative bank involved.',
        },
      ],
      resources: ['space', 'money', 'knowledge', 'expertise'],
      sections: {
        problem:
          'The city had ambitious climate targets and hundreds of flat roofs on public buildings, but no budget or staff to fill them with solar panels. Many residents wanted to invest in renewable energy but lived in flats without a roof of their own.',
        context:
          "Flanders has had citizens' energy cooperatives since the 1990s, and Ghent's climate plan commits the city to large cuts in emissions. Belgian rules on energy communities were being revised after the EU Clean Energy Package of 2019.",
        partners:
          "A residents' cooperative with one vote per member leads. The city's climate unit leases the roofs and buys the power, the Flemish federation of energy cooperatives provided legal templates, a cooperative bank bridges the financing, and schools use the installations in lessons.",
        process:
          'A group of residents founded the cooperative and approached the city. The city ran an open call for leasing its roofs, which the cooperative won with a bid that scored on local ownership. Roofs are leased for 20 years; the city buys the power at a fixed price, and pupils helped design a dashboard showing what each roof produces.',
        results:
          'By 2023 the cooperative had 34 roofs with 2.8 MWp, about 1,900 members with an average investment of €600, and a dividend of around 3%. The city pays less for its electricity, and schools use the live data in science lessons.',
        challenges:
          'Procurement law did not let the city simply hand its roofs to a cooperative: it had to run a competitive call that commercial developers could also enter. Surveys found a third of the roofs too weak or containing asbestos. Members were mostly older, highly educated men, and efforts to reach tenants in poorer neighbourhoods had limited success.',
        conditions:
          "The federation's legal templates saved months of work. The city's climate unit gave one staff member time to manage the project, and residents trusted the cooperative model because they knew older cooperatives in the region.",
        replication:
          'The federation turned the lease contract and call into templates, and six other Flemish municipalities have used them.',
        lessons:
          'Public bodies can share an under-used resource — roofs — instead of money. Write social inclusion into the design from the start, for example with small shares paid in instalments. A call for tenders can favour cooperatives if it values local ownership.',
      },
    },
    codes: coded('anna', [
      ['env.networks', D, "The federation's legal templates saved months of work."],
      [
        'coc.trust',
        D,
        'Residents trusted the cooperative model because they knew older cooperatives in the region.',
      ],
      ['inn.relative_advantage', D, 'The city pays less for its electricity.'],
      ['org.slack_resources', B, 'No budget or staff to fill the roofs with solar panels.'],
      [
        'env.regulation',
        B,
        'Procurement law did not let the city simply hand its roofs to a cooperative.',
      ],
      [
        'coc.skills_values',
        B,
        'Members were mostly older, highly educated men; reaching tenants in poorer neighbourhoods had limited success.',
      ],
    ]),
  },

  // ---------------------------------------------------------------- Scandinavian: FI
  {
    key: 'oulu-winter-mobility-living-lab',
    case: {
      ...common,
      title: 'Winter cycling living lab in Oulu',
      summary:
        'Oulu turned a residential district into a living lab where residents, the city, the university and start-ups test sensors, snow-clearing routines and route apps, in three-month trials, to keep people cycling and walking through the Arctic winter.',
      countries: ['FI'],
      level: 'local',
      sector: '04',
      yearLaunched: 2018,
      startDate: '2018-10-01',
      endDate: null,
      ongoing: true,
      stage: 'evaluating',
      maturity: 'pilot',
      facets: ['enhancement', 'adaptive'],
      innovationTypes: ['process_technological', 'product_service'],
      citizenRoles: ['co_designer'],
      participation: 'involve',
      experimentation: 'lab',
      technology: 'Sensors (IoT)',
      tags: ['living lab', 'winter cycling', 'active mobility', 'open data', 'start-ups'],
      partners: [
        { name: 'City of Oulu', role: 'lead' },
        { name: 'University of Oulu', role: 'partner' },
        { name: 'Regional business incubator', role: 'facilitator' },
        { name: 'Local start-ups', role: 'partner' },
        { name: "Residents' association of the pilot district", role: 'partner' },
        { name: 'Snow-clearing contractor', role: 'implementer' },
        { name: 'National innovation funding agency', role: 'funder' },
        { name: 'European Commission, Horizon 2020 programme', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: 'Winter cycling counts up 9% on monitored routes.',
        },
        {
          dimension: 'efficiency',
          evidence: 'monitored',
          note: 'Gritting triggered by sensors instead of fixed rounds.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 300 resident winter testers in the first winter, fewer later.',
        },
        {
          dimension: 'private_involvement',
          evidence: 'monitored',
          note: 'Two start-ups sold their products to other Nordic cities.',
        },
      ],
      resources: ['knowledge', 'information', 'expertise', 'money', 'space'],
      sections: {
        problem:
          'Cycling and walking dropped sharply every winter, and falls on icy paths sent many people to hospital. Snow clearing followed fixed routes and times rather than actual use of the paths.',
        context:
          'Oulu already had a strong winter-cycling culture and an extensive network of cycle paths. Finnish cities use living labs widely, and a national programme for the six largest cities funded open innovation platforms.',
        partners:
          "The city leads the lab with the university and a business incubator. Start-ups bring products to test, the snow-clearing contractor changes its routines, and the residents' association recruits volunteer 'winter testers'.",
        process:
          'Residents volunteered as winter testers and reported path conditions through an app, while road sensors measured ice and temperature. Each trial ran for three months and ended with a go/no-go decision. Quarterly co-design evenings with residents chose the next trials.',
        results:
          'Of 14 trials, five were adopted city-wide, including priority clearing of routes to schools before 6 a.m. and gritting triggered by sensors. Winter cycling counts on monitored routes rose by 9%. Two start-ups sold their products to other Nordic cities.',
        challenges:
          'Data ownership led to disputes between the contractor and the city, because the contract had no clause on sharing data. Tester engagement dropped after the first winter, leaving mainly enthusiasts. Some sensors failed in extreme cold.',
        conditions:
          'A small dedicated team with the freedom to fail, short trial cycles with a clear decision at the end, and a renewed contract that made data sharing mandatory.',
        replication:
          'The model was shared through a network of Nordic winter cities, and Swedish and Norwegian cities have started similar trials.',
        lessons:
          'A living lab needs a plan for moving successful trials into regular contracts. Keep testers engaged by showing them what changed. Documenting failed trials openly made the lab more credible.',
      },
    },
    codes: coded('anna', [
      ['org.culture', D, 'A small dedicated team with the freedom to fail.'],
      [
        'inn.trialability',
        D,
        'Each trial ran for three months and ended with a go/no-go decision.',
      ],
      ['env.networks', D, 'Shared through a network of Nordic winter cities.'],
      ['org.conflict', B, 'Data ownership led to disputes between the contractor and the city.'],
      ['coc.ownership', B, 'Tester engagement dropped after the first winter.'],
    ]),
  },

  // ---------------------------------------------------------------- cross-border: DE + PL
  {
    key: 'frankfurt-slubice-youth',
    case: {
      ...common,
      title: 'Bilingual youth services across the Oder: Frankfurt (Oder) and Słubice',
      summary:
        'The twin towns of Frankfurt (Oder) and Słubice co-designed shared youth services with young people from both sides of the border: a joint youth council, a bilingual youth centre and a cross-border youth bus ticket, partly funded by Interreg.',
      countries: ['DE', 'PL'],
      level: 'cross_border',
      sector: '08',
      yearLaunched: 2015,
      startDate: '2015-09-01',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['enhancement', 'mission'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_initiator', 'co_designer'],
      participation: 'collaborate',
      experimentation: 'pilot',
      technology: null,
      tags: ['cross-border', 'youth', 'twin towns', 'interreg', 'bilingual'],
      partners: [
        { name: 'City of Frankfurt (Oder)', role: 'lead' },
        { name: 'Town of Słubice', role: 'lead' },
        { name: 'Interreg Brandenburg–Poland programme', role: 'funder' },
        { name: 'Joint cross-border youth council', role: 'partner' },
        { name: 'European University Viadrina', role: 'partner' },
        { name: 'Local public transport operators', role: 'implementer' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 1,500 young people a year take part in joint activities.',
        },
        {
          dimension: 'service_quality',
          evidence: 'anecdotal',
          note: 'A single youth ticket replaced two separate tickets.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: 'More young people report friends on the other side of the river.',
        },
      ],
      resources: ['money', 'space', 'people', 'contacts', 'knowledge'],
      sections: {
        problem:
          'Young people in the two towns lived a bridge apart but rarely met. Each town ran its own youth work, the bus across the bridge needed two tickets, and many young people left the region after school.',
        context:
          "The towns have cooperated since the 1990s, and Poland's EU accession in 2004 and entry into Schengen in 2007 opened the border. Youth services are organised very differently on each side, under German youth-welfare law and Polish municipal competences.",
        partners:
          'Both town halls lead jointly through a small coordination office. A joint youth council of 24 members elected in schools on both sides proposes projects, the EU Interreg programme co-funds the work, the local university supports language tandems, and the two transport operators run the joint bus line.',
        process:
          'Young people from both sides set up the joint youth council, which meets monthly with interpreters. The council proposed the projects and co-designed the youth centre with the architects. Both town councils adopt a joint action plan every two years.',
        results:
          'A bilingual youth centre opened in 2018, and a joint bus line with a single youth ticket has run since 2017. About 1,500 young people a year take part in joint activities, and a school survey shows more of them have friends on the other side.',
        challenges:
          'Different budget cycles and legal competences meant every joint decision needed two procedures. Interreg reporting was a heavy burden for small projects. Language remained a barrier for younger children, and tensions between the two national governments in 2016–2019 cooled some official contacts, although the local cooperation held.',
        conditions:
          'Long-standing personal contacts between the two town halls, a joint coordination office with its own small budget, and EU co-funding.',
        replication:
          'Other twin towns on the German–Polish border exchanged experiences with Frankfurt (Oder) and Słubice, and two adopted the joint youth council.',
        lessons:
          'Cross-border co-creation needs a joint body with its own budget. Young people as co-initiators bring energy and legitimacy. Administrative differences need permanent translators as much as language does.',
      },
    },
    codes: [
      ...coded('anna', [
        ['env.networks', D, 'Long-standing personal contacts between the two town halls.'],
        ['coc.ownership', D, 'The council proposed the projects and co-designed the youth centre.'],
        [
          'org.slack_resources',
          D,
          'A joint coordination office with its own small budget, and EU co-funding.',
        ],
        [
          'org.structure',
          B,
          'Different budget cycles and legal competences meant every joint decision needed two procedures.',
        ],
        ['env.regulation', B, 'Interreg reporting was a heavy burden for small projects.'],
        ['coc.skills_values', B, 'Language remained a barrier for younger children.'],
      ]),
      ...coded('jonas', [
        ['env.networks', D, 'Personal contacts between the town halls since the 1990s.'],
        ['coc.ownership', D, 'Youth council proposes projects, co-designs the centre.'],
        ['org.structure', B, 'Two procedures for every joint decision.'],
        ['env.regulation', B, 'Interreg reporting burden.'],
        ['coc.skills_values', B, 'Language barrier for younger children.'],
        [
          'env.external_pressure',
          B,
          'Tensions between the national governments cooled some official contacts.',
        ],
      ]),
    ],
  },

  // ---------------------------------------------------------------- CEE: SK (failure)
  {
    key: 'bratislava-reporting-app',
    case: {
      ...common,
      title: 'Citizen reporting app for street problems in a Bratislava district (discontinued)',
      summary:
        'A Bratislava city district launched an app for reporting potholes, litter and broken lights. Reports poured in, but the back office could not respond, trust fell and the app was switched off after two years. An honest case about responsiveness.',
      countries: ['SK'],
      level: 'local',
      sector: '06',
      yearLaunched: 2016,
      startDate: '2016-04-01',
      endDate: '2018-06-30',
      ongoing: false,
      stage: 'diffusing_lessons',
      maturity: 'discontinued',
      facets: ['enhancement'],
      innovationTypes: ['process_technological'],
      citizenRoles: ['co_implementer'],
      participation: 'consult',
      experimentation: 'pilot',
      technology: 'Mobile app',
      tags: ['failure', 'e-participation', 'civic tech', 'responsiveness', 'street maintenance'],
      partners: [
        { name: 'City district office', role: 'lead' },
        { name: 'Local software company', role: 'implementer' },
        { name: 'Civic watchdog NGO', role: 'partner' },
        { name: 'District technical services', role: 'implementer' },
        { name: 'EEA and Norway Grants', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: '7,000 reports in the first six months; use fell by 80% in the second year.',
        },
        {
          dimension: 'service_quality',
          evidence: 'monitored',
          note: 'Only 30% of reports resolved within the promised 14 days.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'evaluated',
          note: 'An NGO evaluation found no lasting improvement in response times.',
        },
      ],
      resources: ['money', 'information'],
      sections: {
        problem:
          'Residents complained about potholes, litter and broken street lights but had no single place to report them. The district wanted to show it was responsive before the next elections.',
        context:
          "Bratislava's competences are split between the city and its 17 districts, and many streets belong to the city, the state or private owners. Trust in local government was low, while a lively civic-tech scene was building tools for transparency.",
        partners:
          'The district office led and a local software company built the app. The district technical services were to handle reports, and a civic watchdog NGO later evaluated the project.',
        process:
          'The app was built in three months and launched with a media campaign. Neither residents nor the back-office staff who would handle reports were involved in its design. Reports were forwarded by e-mail to whichever department seemed responsible.',
        results:
          'Residents sent 7,000 reports in the first six months, far more than expected. Only 30% were resolved within the promised 14 days, and many concerned roads owned by the city or the state, which the district could not fix. Ratings fell, use dropped by 80% in the second year, and the district switched the app off when the contract ended in mid-2018.',
        challenges:
          'Fragmented competences meant the district could not act on many reports. Reporters got no feedback on what happened to their report. Staff saw the app as extra work imposed from above, and the launch timing before the elections raised expectations the district could not meet.',
        conditions:
          'Looking back, the project needed agreements with the city and other owners before launch, back-office staff involved in the design, and honest communication about what the district can and cannot fix.',
        replication:
          "The watchdog NGO's evaluation was shared with other Slovak municipalities. A later city-wide reporting service learned from it and agreed routing with all road owners before launch.",
        lessons:
          "A channel for citizens' input creates an obligation to respond: responsiveness, not the app, builds trust. Start small, with the back office on board, and tell people what happens to their report.",
      },
    },
    codes: [
      ...coded('anna', [
        [
          'env.external_pressure',
          D,
          'The district wanted to show it was responsive before the next elections.',
        ],
        ['inn.ease_of_use', D, 'Residents sent 7,000 reports in the first six months.'],
        [
          'org.structure',
          B,
          'Many concerned roads owned by the city or the state, which the district could not fix.',
        ],
        ['coo.compatibility', B, 'Reporters got no feedback on what happened to their report.'],
        ['ind.acceptance', B, 'Staff saw the app as extra work imposed from above.'],
        ['coc.trust', B, 'Ratings fell, use dropped by 80% in the second year.'],
      ]),
      ...coded('jonas', [
        [
          'env.external_pressure',
          B,
          'Launch timing before the elections raised expectations the district could not meet.',
        ],
        ['inn.ease_of_use', D, 'Reports poured in: 7,000 in six months.'],
        ['org.structure', B, 'Split competences between city, state and district.'],
        ['coo.compatibility', B, 'No feedback loop to reporters; back office not involved.'],
        ['ind.acceptance', B, 'App seen by staff as extra work imposed from above.'],
        ['coc.trust', B, 'Trust fell as reports went unanswered.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Napoleonic: ES
  {
    key: 'valencia-community-gardens',
    case: {
      ...common,
      title: 'Neighbourhood-run community gardens on vacant lots in Valencia',
      summary:
        'Valencia lends vacant municipal lots to neighbourhood associations that design and run community gardens. The city clears the soil and connects water, and a standard agreement sets out who does what and for how long.',
      countries: ['ES'],
      level: 'local',
      sector: '06',
      yearLaunched: 2015,
      startDate: '2015-10-01',
      endDate: null,
      ongoing: true,
      stage: 'diffusing_lessons',
      maturity: 'implemented',
      facets: ['enhancement', 'adaptive'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'empower',
      experimentation: 'pilot',
      technology: null,
      tags: ['community gardens', 'urban commons', 'temporary use', 'vacant land'],
      partners: [
        { name: 'Neighbourhood associations', role: 'lead' },
        { name: 'Ajuntament de València', role: 'facilitator' },
        { name: 'Regional agricultural school', role: 'partner' },
        { name: 'Municipal water company', role: 'implementer' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: '22 gardens with about 1,100 gardeners.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'Lower cost to the city per lot than keeping it fenced and cleaned.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'anecdotal',
          note: 'Fewer complaints about dumping near the gardens.',
        },
      ],
      resources: ['space', 'expertise', 'knowledge', 'people'],
      sections: {
        problem:
          'After the 2008 crisis, construction stopped and left vacant lots that became dumping grounds. Residents had occupied some of them informally as gardens, which led to conflicts with the city.',
        context:
          "The crisis strengthened Spain's neighbourhood movements, and the 2015 municipal elections brought a city government committed to participation. Spanish municipal law allows the temporary cession of municipal land to associations.",
        partners:
          'Neighbourhood associations lead each garden. The city provides the land, clears the soil and connects water through the municipal water company, and a regional agricultural school trains the gardeners.',
        process:
          'The city mapped 40 vacant lots and invited associations to propose gardens. Each garden was designed in workshops with neighbours, and a standard cession agreement for four years, renewable, sets out responsibilities. Associations allocate plots, set rules and hold open days.',
        results:
          'There are now 22 gardens with about 1,100 gardeners. Complaints about dumping fell, schools use several gardens, and each garden costs the city less than keeping the lot fenced and cleaned.',
        challenges:
          'Some lots were reclaimed for housing after four years, which caused conflict with the gardeners. A few gardens came to be dominated by a small group. The legal department hesitated for a long time over liability for injuries.',
        conditions:
          'A simple standard agreement, a city coordinator as single contact, and associations with a long history in their neighbourhoods.',
        replication:
          'Several other Spanish cities asked for the agreement template and adapted it.',
        lessons:
          'Be honest from the start that use of the land is temporary. A simple standard contract lowers the threshold for residents. Rules on openness keep gardens from becoming private clubs.',
      },
    },
    codes: coded('anna', [
      ['coc.social_capital', D, 'Associations with a long history in their neighbourhoods.'],
      [
        'env.regulation',
        D,
        'Spanish municipal law allows the temporary cession of municipal land to associations.',
      ],
      ['env.external_pressure', D, 'Vacant lots that became dumping grounds.'],
      [
        'org.conflict',
        B,
        'Some lots were reclaimed for housing after four years, which caused conflict with the gardeners.',
      ],
      [
        'coo.risk_averse',
        B,
        'The legal department hesitated for a long time over liability for injuries.',
      ],
    ]),
  },

  // ---------------------------------------------------------------- Napoleonic: IT
  {
    key: 'padua-collaboration-pacts',
    case: {
      ...common,
      title: 'Collaboration pacts for urban commons in Padua',
      summary:
        'A municipal regulation lets residents and groups sign collaboration pacts with the city to care for parks, squares and empty buildings as urban commons. The city provides tools, insurance and advice; residents provide time and ideas.',
      countries: ['IT'],
      level: 'local',
      sector: '06',
      yearLaunched: 2017,
      startDate: '2017-02-01',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['enhancement'],
      innovationTypes: ['governance', 'conceptual'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'none',
      technology: null,
      tags: ['urban commons', 'collaboration pacts', 'subsidiarity', 'volunteering'],
      partners: [
        { name: 'Resident groups and associations', role: 'lead' },
        { name: 'Comune di Padova', role: 'facilitator' },
        { name: 'National network for civic subsidiarity', role: 'partner' },
        { name: 'Local banking foundation', role: 'funder' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 180 pacts in five years; some 40,000 volunteer hours a year.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'anecdotal',
          note: 'Parks and school yards better kept where pacts exist.',
        },
        {
          dimension: 'cost',
          evidence: 'anecdotal',
          note: 'Insurance and tools cost little compared with contracted maintenance.',
        },
      ],
      resources: ['people', 'space', 'expertise', 'money'],
      sections: {
        problem:
          'Budget cuts had reduced maintenance of parks and public buildings. Many residents wanted to help, but the rules did not let volunteers even paint a bench without a tender or cover for liability.',
        context:
          'Since 2001 the Italian constitution recognises citizens who act for the general interest (horizontal subsidiarity). Bologna adopted the first regulation on urban commons in 2014, and many Italian cities followed.',
        partners:
          'Residents and associations propose and carry out the pacts. The city provides a single office, insurance, tools and advice, a national network on subsidiarity helped adapt the model regulation, and a local foundation funds materials.',
        process:
          'The city council adopted a regulation adapted to Padua. A single office is the entry point for proposals, and each pact is negotiated individually, from a one-page pact for tidying a school yard to complex pacts for reopening buildings. The city insures the volunteers and lends tools.',
        results:
          'About 180 pacts were signed in five years, from maintaining school yards to reopening a disused kiosk as a community space. The office counts some 40,000 volunteer hours a year.',
        challenges:
          'Departments were slow to respond to proposals, and some saw the pacts as a loss of control over their assets. Pacts concentrated in wealthier neighbourhoods. Unions worried that volunteers would replace paid maintenance work.',
        conditions:
          'The constitutional principle and a model regulation gave legal certainty. A single dedicated office, insurance for volunteers and a one-page template made it easy to start.',
        replication:
          'Several smaller municipalities in the Veneto reused the one-page pact template.',
        lessons:
          "A legal instrument can create a safe haven for citizens' initiatives. A one-stop office is essential. Monitor how pacts spread across neighbourhoods and support groups in poorer areas.",
      },
    },
    codes: [
      ...coded('anna', [
        ['env.regulation', D, 'A model regulation gave legal certainty.'],
        [
          'env.peers',
          D,
          'Bologna adopted the first regulation on urban commons in 2014, and many Italian cities followed.',
        ],
        ['coo.incentives', D, 'The city insures the volunteers and lends tools.'],
        ['org.structure', B, 'Departments were slow to respond to proposals.'],
        ['coo.risk_averse', B, 'Some saw the pacts as a loss of control over their assets.'],
        ['coc.social_capital', B, 'Pacts concentrated in wealthier neighbourhoods.'],
      ]),
      ...coded('jonas', [
        ['env.regulation', D, 'Regulation on urban commons gives legal certainty.'],
        ['env.peers', D, 'Following Bologna and other Italian cities.'],
        ['coo.incentives', D, 'Insurance and tools provided by the city.'],
        ['org.structure', B, 'Slow departmental responses.'],
        ['coo.risk_averse', B, 'Fear of losing control over assets.'],
        ['coc.social_capital', B, 'Mostly wealthier neighbourhoods.'],
        ['org.conflict', B, 'Unions worried that volunteers would replace paid maintenance work.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- CEE: EE
  {
    key: 'tartu-special-needs-family-service',
    case: {
      ...common,
      title: 'One-stop support for families of children with special needs, Tartu',
      summary:
        "Parents of children with disabilities, social workers and designers in Tartu redesigned a maze of benefits, therapies and school support into one case manager and a shared digital plan controlled by the family, built on Estonia's data exchange layer.",
      countries: ['EE'],
      level: 'local',
      sector: '10',
      yearLaunched: 2018,
      startDate: '2018-02-01',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['enhancement'],
      innovationTypes: ['process_administrative', 'process_technological', 'product_service'],
      citizenRoles: ['co_designer'],
      participation: 'collaborate',
      experimentation: 'lab',
      technology: 'Data exchange layer (X-Road)',
      tags: ['service design', 'disability', 'once-only', 'case management', 'digital government'],
      partners: [
        { name: 'City of Tartu, social welfare department', role: 'lead' },
        { name: "Parents' association for children with special needs", role: 'partner' },
        { name: 'Estonian Social Insurance Board', role: 'partner' },
        { name: 'Service design agency', role: 'implementer' },
        { name: 'University of Tartu', role: 'partner' },
        { name: 'European Commission, Horizon 2020 programme', role: 'funder' },
        { name: 'EEA and Norway Grants', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'service_quality',
          evidence: 'evaluated',
          note: 'Time to receive support fell from about five months to six weeks.',
        },
        {
          dimension: 'efficiency',
          evidence: 'monitored',
          note: 'Each case manager supports about 40 families.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: '30 families interviewed; parents in every design sprint.',
        },
      ],
      resources: ['information', 'knowledge', 'expertise', 'people'],
      sections: {
        problem:
          'Families dealt with up to ten institutions and had to tell the same story again and again. Each benefit, therapy and form of school support needed its own application, and many parents, mostly mothers, gave up work to coordinate care.',
        context:
          "Estonia's digital state offers a national data exchange layer and a once-only principle, but support for disabled children is split between the municipality and the state's Social Insurance Board. A national reform of disability services was under way.",
        partners:
          "The city's social welfare department leads. The parents' association took part in every design sprint, the Social Insurance Board joined the data agreements, a service design agency ran the sprints, and the university evaluated the pilot.",
        process:
          "The city's innovation lab interviewed 30 families and mapped their journeys. Parents co-designed prototypes in four sprints. A pilot with 60 families and two case managers tested a digital plan to which the family grants access, and it was rolled out to all families in the city in 2020.",
        results:
          'The evaluation found that the time to receive support fell from about five months to six weeks, and parents were markedly more satisfied. Each case manager now supports about 40 families.',
        challenges:
          'Finding a legal basis for sharing health data between agencies took more than a year. Some parents distrusted sharing data with the state. After rollout the case managers were overloaded, because demand exceeded what the pilot had suggested.',
        conditions:
          "The existing technical infrastructure, a parents' association with a strong voice, and an innovation lab with a mandate from the city's leadership.",
        replication:
          'Two other Estonian municipalities are piloting the model, and the national ministry is considering it for the whole country.',
        lessons:
          'Digital infrastructure enables the service, but the hard part is agreements between agencies. Let families control who sees their data. Do not underestimate caseloads after rollout.',
      },
    },
    codes: [
      ...coded('anna', [
        ['inn.compatibility', D, "Built on Estonia's data exchange layer."],
        ['coc.social_capital', D, "A parents' association with a strong voice."],
        [
          'env.regulation',
          B,
          'Finding a legal basis for sharing health data between agencies took more than a year.',
        ],
        [
          'org.structure',
          B,
          "Support is split between the municipality and the state's Social Insurance Board.",
        ],
        ['coc.trust', B, 'Some parents distrusted sharing data with the state.'],
        ['org.slack_resources', B, 'After rollout the case managers were overloaded.'],
      ]),
      ...coded('jonas', [
        ['inn.compatibility', D, 'Uses the national data exchange layer.'],
        ['coc.social_capital', D, "Strong parents' association."],
        ['org.culture', D, "An innovation lab with a mandate from the city's leadership."],
        ['env.regulation', B, 'No legal basis for sharing health data at first.'],
        ['org.structure', B, 'Split between municipality and state agency.'],
        ['coc.trust', B, 'Parents distrust state data sharing.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- CEE: RO
  {
    key: 'cluj-community-health-mediators',
    case: {
      ...common,
      title: 'Co-designed community health mediation in Cluj County',
      summary:
        'Roma community members, family doctors and the county public health directorate co-designed a health-mediator service: trusted residents trained to help neighbours register with a doctor, get their children vaccinated and find their way in the health system.',
      countries: ['RO'],
      level: 'regional',
      sector: '07',
      yearLaunched: 2014,
      startDate: '2014-06-01',
      endDate: null,
      ongoing: true,
      stage: 'evaluating',
      maturity: 'implemented',
      facets: ['mission'],
      innovationTypes: ['product_service'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'involve',
      experimentation: 'pilot',
      technology: null,
      tags: ['health mediation', 'roma inclusion', 'vaccination', 'primary care', 'trust'],
      partners: [
        { name: 'Cluj County Public Health Directorate', role: 'lead' },
        { name: 'Roma community NGO', role: 'partner' },
        { name: "Family doctors' association", role: 'partner' },
        { name: 'EEA and Norway Grants', role: 'funder' },
        { name: 'Medical university public health department', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: 'Registration with a family doctor rose from about 45% to 80%.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'Mediators chosen in community meetings in five settlements.',
        },
        {
          dimension: 'service_quality',
          evidence: 'anecdotal',
          note: 'Doctors report better-prepared consultations.',
        },
      ],
      resources: ['people', 'money', 'knowledge', 'contacts'],
      sections: {
        problem:
          'In informal settlements many Roma residents were not registered with a family doctor, so childhood vaccination rates were low and illnesses were treated late, in emergency rooms.',
        context:
          'Romania has had health mediators since the early 2000s, but after the posts were decentralised to local councils many of them disappeared. Measles outbreaks in 2016–2017 put vaccination high on the agenda, and distrust between communities and health staff ran deep.',
        partners:
          "The county public health directorate leads. A Roma community NGO organised the community meetings, the family doctors' association recruited doctors, the EEA and Norway Grants funded the first three years, and a medical university monitored the results.",
        process:
          'Community meetings in five settlements discussed what stood in the way of care, and residents chose mediator candidates themselves. The training was co-designed with the candidates, and each mediator works in tandem with a community nurse.',
        results:
          "In the participating settlements, registration with a family doctor rose from about 45% to 80%, and vaccination coverage of young children rose markedly according to the directorate's monitoring.",
        challenges:
          'When the grant ended, local councils had to pay for the mediators, and two of the five refused. Some health staff treated Roma patients and mediators with open prejudice. Mediators are poorly paid and on insecure contracts.',
        conditions:
          'Mediators chosen by the community, committed family doctors who made time for them, and external funding for the start.',
        replication:
          'The model was presented to the Ministry of Health, and neighbouring counties asked for the training materials.',
        lessons:
          'Trust is carried by people, and co-design with a community takes time. Secure funding beyond the grant before it ends. Address the attitudes of professionals, not only the behaviour of residents.',
      },
    },
    codes: [
      ...coded('anna', [
        ['coc.trust', D, 'Mediators chosen by the community.'],
        [
          'env.external_pressure',
          D,
          'Measles outbreaks in 2016–2017 put vaccination high on the agenda.',
        ],
        ['ind.commitment', D, 'Committed family doctors who made time for them.'],
        [
          'org.slack_resources',
          B,
          'When the grant ended, local councils had to pay for the mediators, and two of the five refused.',
        ],
        [
          'coo.open_attitude',
          B,
          'Some health staff treated Roma patients and mediators with open prejudice.',
        ],
      ]),
      ...coded('jonas', [
        ['coc.trust', D, 'Residents chose the mediators themselves.'],
        ['env.external_pressure', D, 'Measles outbreaks.'],
        ['ind.commitment', D, 'Family doctors who made time.'],
        [
          'org.slack_resources',
          B,
          'Two of five councils refused to fund mediators after the grant.',
        ],
        ['coo.open_attitude', B, 'Prejudice among some health staff.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Napoleonic: FR
  {
    key: 'grenoble-citizens-climate-convention',
    case: {
      ...common,
      title: "Metropolitan citizens' climate convention, Grenoble-Alpes",
      summary:
        'Grenoble-Alpes Métropole convened 100 randomly selected residents to propose climate measures. Over six weekends with experts they produced 39 proposals; the metropolitan council adopted some, rejected others and explained each decision in public.',
      countries: ['FR'],
      level: 'regional',
      sector: '05',
      yearLaunched: 2022,
      startDate: '2022-01-15',
      endDate: '2023-06-30',
      ongoing: false,
      stage: 'evaluating',
      maturity: 'implemented',
      facets: ['mission', 'anticipatory'],
      innovationTypes: ['governance'],
      citizenRoles: ['co_designer'],
      participation: 'involve',
      experimentation: 'none',
      technology: null,
      tags: ["citizens' assembly", 'sortition', 'climate', 'deliberative democracy'],
      partners: [
        { name: 'Grenoble-Alpes Métropole', role: 'lead' },
        { name: 'Independent facilitation cooperative', role: 'facilitator' },
        { name: "Independent guarantors' committee", role: 'partner' },
        { name: 'University research team on participation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'evaluated',
          note: "Participants' trust in local institutions rose; wider public awareness stayed low.",
        },
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: '17 of 39 proposals adopted in full or in part; 9 rejected with reasons.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'Stipends, facilitation and evaluation paid from the participation budget.',
        },
      ],
      resources: ['money', 'knowledge', 'expertise', 'information'],
      sections: {
        problem:
          'The metropolitan climate plan lacked public support for hard measures on car use and heating. Earlier consultations had drawn the same small groups of people.',
        context:
          "The national Citizens' Convention for Climate of 2019–2020 was widely followed and left disappointment over promises to take up its proposals 'without filter'. French metropolitan authorities have strong executives, and their role in climate policy grew after the 2014 reform of metropolitan government.",
        partners:
          "The metropolitan authority leads and committed to respond to every proposal. An independent facilitation cooperative ran the sessions, a guarantors' committee watched over the process, and university researchers evaluated it.",
        process:
          'Participants were drawn by lot, stratified by age, gender, commune and education, and received a stipend. Over six weekends they heard experts and stakeholders and voted on proposals. The council committed to answer every proposal in public within six months.',
        results:
          "The convention produced 39 proposals. The council adopted 17 in full or in part, including a solidarity fund for renovating heating and more car-free school streets, rejected 9 with reasons, and kept the rest under study. The evaluation found participants' trust in local institutions rose, but public awareness of the convention stayed low.",
        challenges:
          'Expectations were shaped by the national convention, and several participants feared a repeat of its disappointment. Mayors of smaller communes felt bypassed by a body set up by the metropolitan authority. Media attention was low.',
        conditions:
          'A public commitment to answer every proposal, independent facilitation, and a stipend so that people on low incomes could take part.',
        replication:
          'Other French metropolitan authorities studied the convention through their national network, and two have announced similar assemblies.',
        lessons:
          "The response to the proposals is the most important part of a citizens' assembly. Involve municipal councillors early, and invest in communication with the wider public.",
      },
    },
    codes: [
      ...coded('anna', [
        [
          'env.peers',
          D,
          "The national Citizens' Convention for Climate of 2019–2020 was widely followed.",
        ],
        ['coo.open_attitude', D, 'The council committed to answer every proposal in public.'],
        ['coo.incentives', D, 'A stipend so that people on low incomes could take part.'],
        ['org.conflict', B, 'Mayors of smaller communes felt bypassed.'],
        [
          'coc.trust',
          B,
          "Several participants feared a repeat of the national convention's disappointment.",
        ],
        ['inn.observability', B, 'Public awareness of the convention stayed low.'],
      ]),
      ...coded('jonas', [
        ['env.peers', D, 'Inspired by the national climate convention.'],
        ['coo.open_attitude', D, 'Public answer to every proposal.'],
        ['coo.incentives', D, 'Participants received a stipend.'],
        ['org.conflict', B, 'Mayors of smaller communes felt bypassed.'],
        [
          'coc.trust',
          B,
          "Disappointment after the national convention's 'without filter' promise.",
        ],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Anglo-Saxon: IE
  {
    key: 'cork-recovery-college',
    case: {
      ...common,
      title: 'Recovery college co-run by people with lived experience, Cork',
      summary:
        'A recovery college in Cork offers free mental-health courses designed and taught jointly by people with lived experience, family members and clinicians. Anyone can enrol, so service users, carers and staff learn side by side.',
      countries: ['IE'],
      level: 'regional',
      sector: '07',
      yearLaunched: 2015,
      startDate: '2015-09-01',
      endDate: null,
      ongoing: true,
      stage: 'diffusing_lessons',
      maturity: 'implemented',
      facets: ['enhancement', 'adaptive'],
      innovationTypes: ['product_service', 'conceptual'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'pilot',
      technology: null,
      tags: ['mental health', 'recovery', 'peer support', 'co-production', 'adult education'],
      partners: [
        { name: 'Regional public mental health service', role: 'lead' },
        { name: 'Peer support network', role: 'partner' },
        { name: "Family carers' association", role: 'partner' },
        { name: 'Adult education college', role: 'partner' },
        { name: 'Charitable foundation', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'service_quality',
          evidence: 'evaluated',
          note: 'Students report more hope and better self-management.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'evaluated',
          note: 'Improved self-reported wellbeing; staff attitudes more recovery-oriented.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 800 students a year; every course co-taught by a peer educator.',
        },
        { dimension: 'cost', evidence: 'none', note: 'Costs not compared with other services.' },
      ],
      resources: ['knowledge', 'expertise', 'people', 'space', 'money'],
      sections: {
        problem:
          'Mental health services were dominated by a medical model, waiting lists were long, and people with lived experience had little say in how services worked.',
        context:
          'Irish national mental health policy has called for recovery-oriented services since 2006. Recovery colleges began in England around 2009 and spread quickly, showing a model that could be adapted.',
        partners:
          "The regional mental health service leads and pays the peer educators. A peer support network and a family carers' association co-design the courses, an adult education college provides rooms and accreditation, and a foundation funded the start.",
        process:
          'A co-production group of peers, carers and clinicians designed the curriculum. Every course is co-facilitated by a peer educator and a clinician, runs for a term and ends with feedback that shapes the next term.',
        results:
          'About 800 students a year take courses. An evaluation found improved self-reported wellbeing and hope among students, and more recovery-oriented attitudes among staff who took part.',
        challenges:
          'The public-sector HR system had no job category for peer educators, so paying them took two years to arrange. Some consultants were sceptical of sharing the classroom with patients. Funding was short-term for years.',
        conditions:
          'A senior clinician who championed the college, paying peers for their work, and values shared across peers, carers and staff.',
        replication:
          'Recovery colleges have opened in other Irish regions and formed a national network that shares courses.',
        lessons:
          'Co-production needs paid roles for people with lived experience. Equality in the classroom changes culture. Evaluate early to secure funding.',
      },
    },
    codes: [
      ...coded('anna', [
        ['env.peers', D, 'Recovery colleges began in England around 2009 and spread quickly.'],
        ['ind.position', D, 'A senior clinician who championed the college.'],
        ['ind.shared_meaning', D, 'Values shared across peers, carers and staff.'],
        ['org.structure', B, 'The public-sector HR system had no job category for peer educators.'],
        [
          'coo.open_attitude',
          B,
          'Some consultants were sceptical of sharing the classroom with patients.',
        ],
        ['org.slack_resources', B, 'Funding was short-term for years.'],
      ]),
      ...coded('jonas', [
        ['env.peers', D, 'Model adapted from English recovery colleges.'],
        ['org.leadership', D, 'Senior clinician championed the college.'],
        ['ind.shared_meaning', D, 'Shared values of peers, carers and staff.'],
        ['org.structure', B, 'No HR job category for peer educators.'],
        ['coo.open_attitude', B, 'Sceptical consultants.'],
        ['org.slack_resources', B, 'Short-term funding.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Scandinavian: SE
  {
    key: 'malmo-library-language-cafes',
    case: {
      ...common,
      title: "Newcomer-run language cafés in Malmö's libraries",
      summary:
        "Newly arrived residents and volunteers co-run language cafés in Malmö's public libraries. The library provides rooms, materials and a coordinator; newcomers who learned Swedish earlier become hosts, and the cafés link people to work and associations.",
      countries: ['SE'],
      level: 'local',
      sector: '08',
      yearLaunched: 2016,
      startDate: '2016-01-15',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['adaptive'],
      innovationTypes: ['product_service'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'pilot',
      technology: null,
      tags: ['integration', 'libraries', 'language learning', 'volunteering', 'newcomers'],
      partners: [
        { name: "Newcomers' association", role: 'lead' },
        { name: 'Malmö City Libraries', role: 'facilitator' },
        { name: 'Adult education study association', role: 'partner' },
        { name: 'Local public employment office', role: 'partner' },
        { name: 'Volunteer network', role: 'implementer' },
        { name: 'European network of cities for social innovation', role: 'partner' },
      ],
      outcomes: [
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'About 400 visits a week; 60 hosts, half of them former participants.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'anecdotal',
          note: 'Some participants found work through contacts made at the cafés.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'A coordinator and small stipends; rooms already available.',
        },
      ],
      resources: ['space', 'people', 'knowledge', 'contacts'],
      sections: {
        problem:
          'After the large arrival of refugees in 2015, there were waiting lists for Swedish language courses, and newcomers had few chances to practise Swedish or meet people outside their own group.',
        context:
          'Sweden has a strong tradition of popular adult education through state-funded study associations, and its libraries are open meeting places. Malmö has a young and very diverse population.',
        partners:
          "A newcomers' association leads the cafés. The city libraries provide rooms, materials and a coordinator, a study association trains the hosts, the employment office visits monthly, and a volunteer network supplies conversation partners.",
        process:
          'It began as one volunteer-run café, for which the library offered a room. The newcomers formed an association, and there are now twelve cafés a week in eight libraries. Hosts are trained and receive a small stipend through the study association.',
        results:
          'The cafés have about 400 visits a week and 60 hosts, half of them former participants. Some participants found work through contacts made at the cafés, and the cost is low because the rooms were already there.',
        challenges:
          "Volunteers' availability fell as the refugee crisis faded from the news. Tensions arose between volunteer hosts and paid library staff over who is responsible for what. The effect on employment is hard to measure.",
        conditions:
          'Funding through the study association, a library open to new uses of its rooms, and former participants who become hosts.',
        replication: 'Libraries in other Swedish and Norwegian cities copied the host model.',
        lessons:
          'Let participants become hosts: it creates ownership and role models. Public space matters as much as money. Decide early what to measure.',
      },
    },
    codes: coded('anna', [
      ['coo.open_attitude', D, 'A library open to new uses of its rooms.'],
      ['env.external_pressure', D, 'The large arrival of refugees in 2015.'],
      ['coc.ownership', D, 'Former participants who become hosts.'],
      [
        'ind.commitment',
        B,
        "Volunteers' availability fell as the refugee crisis faded from the news.",
      ],
      [
        'org.conflict',
        B,
        'Tensions arose between volunteer hosts and paid library staff over who is responsible for what.',
      ],
      ['inn.observability', B, 'The effect on employment is hard to measure.'],
    ]),
  },

  // ---------------------------------------------------------------- Germanic: AT
  {
    key: 'vienna-cool-streets',
    case: {
      ...common,
      title: "Co-designed 'cool streets' against summer heat in Vienna",
      summary:
        'Vienna tested temporary cool streets with shade, water mist and benches in hot, dense neighbourhoods. Residents nominated the streets, co-designed the layout and ran activities; the best trials became permanently redesigned streets with trees.',
      countries: ['AT'],
      level: 'local',
      sector: '05',
      yearLaunched: 2019,
      startDate: '2019-06-01',
      endDate: null,
      ongoing: true,
      stage: 'implementing',
      maturity: 'implemented',
      facets: ['mission', 'anticipatory'],
      innovationTypes: ['product_service', 'governance'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'involve',
      experimentation: 'pilot',
      technology: null,
      tags: ['climate adaptation', 'urban heat', 'public space', 'tactical urbanism'],
      partners: [
        { name: 'City of Vienna, climate and urban planning departments', role: 'lead' },
        { name: 'District councils', role: 'partner' },
        { name: 'Local area renewal offices', role: 'facilitator' },
        { name: 'Residents and shopkeepers', role: 'partner' },
        { name: 'University research team on urban climate', role: 'partner' },
        { name: 'European network of cities for social innovation', role: 'partner' },
        { name: 'European Commission, Horizon 2020 programme', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'effectiveness',
          evidence: 'monitored',
          note: 'Measured surface temperatures clearly lower in cool streets on hot days.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: 'Streets nominated by residents; workshops in every street.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'Tree planting costly where utilities run under the street.',
        },
      ],
      resources: ['money', 'space', 'expertise', 'knowledge'],
      sections: {
        problem:
          'Heat waves were becoming longer and more frequent, and densely built districts had few trees. Older residents in small flats were most at risk.',
        context:
          "Vienna has an urban heat island strategy, a strong administration, and a long tradition of local area renewal offices that work with residents. The city's smart city framework sets climate adaptation targets.",
        partners:
          "The city's climate and planning departments lead with the district councils. Area renewal offices ran the street workshops, residents and shopkeepers co-designed and hosted activities, and university researchers measured temperatures.",
        process:
          'Residents nominated streets. For a whole summer each chosen street received temporary shade, water mist and benches, designed in street workshops run by the area renewal offices. Temperature sensors and surveys evaluated each trial, and trials that worked were turned into permanent redesigns.',
        results:
          'Over three summers there were 18 temporary cool streets, with clearly lower surface temperatures on hot days. Seven streets have been permanently redesigned with trees and water features.',
        challenges:
          'Shopkeepers and drivers opposed the loss of parking spaces. Underground utilities made tree planting expensive in many streets. Some district politicians preferred other priorities.',
        conditions:
          'The temporary format lowered the stakes, the area renewal offices brought long experience of working with residents, and the temperature data convinced sceptics.',
        replication:
          'Other Austrian and German cities have copied the temporary cool-street format.',
        lessons:
          'Temporary trials reduce conflict and let people experience the change before deciding. Data convinces. Combine trials with a budget for permanent redesign, or the goodwill is lost.',
      },
    },
    codes: coded('anna', [
      ['inn.trialability', D, 'The temporary format lowered the stakes.'],
      ['inn.observability', D, 'The temperature data convinced sceptics.'],
      [
        'org.structure',
        D,
        'The area renewal offices brought long experience of working with residents.',
      ],
      ['env.external_pressure', B, 'Shopkeepers and drivers opposed the loss of parking spaces.'],
      ['org.slack_resources', B, 'Underground utilities made tree planting expensive.'],
    ]),
  },

  // ---------------------------------------------------------------- Napoleonic: GR
  {
    key: 'athens-municipal-chatbot',
    case: {
      ...common,
      title: 'Co-designed municipal chatbot for residents of Athens',
      summary:
        'Athens co-designed a chatbot for municipal services with residents, front-desk staff and migrant organisations. It answers in Greek, English and Arabic and hands over to a person when it cannot help; calls to the service centre fell.',
      countries: ['GR'],
      level: 'local',
      sector: '01',
      yearLaunched: 2020,
      startDate: '2020-11-01',
      endDate: null,
      ongoing: true,
      stage: 'evaluating',
      maturity: 'implemented',
      facets: ['enhancement'],
      innovationTypes: ['process_technological', 'product_service'],
      citizenRoles: ['co_designer'],
      participation: 'involve',
      experimentation: 'pilot',
      technology: 'Chatbot',
      tags: ['chatbot', 'artificial intelligence', 'multilingual', 'digital inclusion', 'covid-19'],
      partners: [
        { name: 'City of Athens', role: 'lead' },
        { name: 'Local AI start-up', role: 'implementer' },
        { name: 'Migrant and refugee organisations', role: 'partner' },
        { name: 'University human–computer interaction group', role: 'partner' },
        { name: 'Philanthropic foundation', role: 'funder' },
        { name: 'European network of cities for social innovation', role: 'partner' },
        { name: 'European Commission, Horizon 2020 programme', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'efficiency',
          evidence: 'monitored',
          note: '70% of conversations resolved without a person; calls down 30%.',
        },
        {
          dimension: 'service_quality',
          evidence: 'monitored',
          note: 'User ratings after each conversation.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'anecdotal',
          note: 'Residents and migrants tested the wording in co-design sessions.',
        },
      ],
      resources: ['knowledge', 'money', 'expertise', 'information'],
      sections: {
        problem:
          'During the COVID-19 lockdowns the municipal service centres closed and the phone lines were overwhelmed. Many residents, including migrants and older people, could not find information on permits, benefits and services.',
        context:
          'Greek public services digitalised rapidly from 2020 through a national portal. Athens has strong civic networks built during the economic crisis and a large migrant population.',
        partners:
          'The city leads; a local start-up built the chatbot. Migrant and refugee organisations joined the co-design sessions, a university group tested usability, and a foundation funded the pilot.',
        process:
          'Front-desk staff collected the 200 most frequent questions and wrote the first answers. In co-design sessions residents, including migrants, tested the wording. The chatbot hands over to a person when it cannot help, and the answers are updated weekly. A six-month pilot preceded the full launch.',
        results:
          'The chatbot handles about 35,000 conversations a month, and 70% are resolved without a person. Calls to the service centre fell by 30%.',
        challenges:
          'Legacy systems could not connect to case management, so the chatbot cannot tell residents the status of their application. Many older residents still prefer the phone. Staff at first feared for their jobs.',
        conditions:
          'Front-desk staff involved from the first day, external funding for the pilot, and a guaranteed route to a person.',
        replication:
          'Several other Greek municipalities have asked to reuse the question set and design.',
        lessons:
          'The knowledge of front-line staff is the core asset of a chatbot. Always keep a human route. Without a link to back-office systems, a chatbot can only answer general questions.',
      },
    },
    codes: [
      ...coded('anna', [
        [
          'env.external_pressure',
          D,
          'During the COVID-19 lockdowns the service centres closed and the phone lines were overwhelmed.',
        ],
        ['org.slack_resources', D, 'External funding for the pilot.'],
        [
          'coo.open_attitude',
          D,
          'In co-design sessions residents, including migrants, tested the wording.',
        ],
        ['ind.acceptance', B, 'Staff at first feared for their jobs.'],
        ['inn.compatibility', B, 'Legacy systems could not connect to case management.'],
        ['inn.ease_of_use', B, 'Many older residents still prefer the phone.'],
      ]),
      ...coded('jonas', [
        ['env.external_pressure', D, 'Lockdowns closed the service centres.'],
        ['org.slack_resources', D, 'Foundation funded the pilot.'],
        ['coo.open_attitude', D, 'Migrant organisations in co-design sessions.'],
        ['ind.acceptance', B, 'Staff feared for their jobs.'],
        ['inn.compatibility', B, 'No link to case management systems.'],
        ['inn.ease_of_use', D, '70% of conversations resolved without a person.'],
      ]),
    ],
  },

  // ---------------------------------------------------------------- Germanic: DE (failure)
  {
    key: 'leipzig-citizen-library',
    case: {
      ...common,
      title: 'Resident-run branch library in Leipzig, handed back to the city',
      summary:
        'When Leipzig planned to close a small branch library, residents took it over as volunteers with a city grant. After four years the association handed it back: volunteers burned out and liability rules weighed on them. A case on the limits of co-production.',
      countries: ['DE'],
      level: 'local',
      sector: '08',
      yearLaunched: 2012,
      startDate: '2012-09-01',
      endDate: '2016-12-31',
      ongoing: false,
      stage: 'diffusing_lessons',
      maturity: 'discontinued',
      facets: ['adaptive'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_initiator', 'co_implementer'],
      participation: 'empower',
      experimentation: 'none',
      technology: null,
      tags: ['failure', 'libraries', 'volunteering', 'austerity', 'co-production'],
      partners: [
        { name: "Residents' library association", role: 'lead' },
        { name: 'Leipzig Municipal Libraries', role: 'partner' },
        { name: 'City of Leipzig', role: 'funder' },
        { name: 'Local community foundation', role: 'funder' },
      ],
      outcomes: [
        {
          dimension: 'service_quality',
          evidence: 'monitored',
          note: 'Opening hours kept at 12 hours a week; loans fell by a third.',
        },
        {
          dimension: 'citizen_involvement',
          evidence: 'monitored',
          note: '35 volunteers at the start, 12 at the end.',
        },
        {
          dimension: 'cost',
          evidence: 'monitored',
          note: 'City grant far below the cost of a staffed branch.',
        },
        {
          dimension: 'effectiveness',
          evidence: 'anecdotal',
          note: "The children's reading club was popular and continued after the handover.",
        },
      ],
      resources: ['space', 'money', 'people', 'expertise'],
      sections: {
        problem:
          'Budget consolidation meant closing the branch library. Families and older residents in the neighbourhood would lose the only library within walking distance.',
        context:
          'Many German municipalities were under fiscal pressure in the 2000s and 2010s, and citizen-run libraries appeared in many places. Leipzig was growing again, but its budget was still being cut.',
        partners:
          "A residents' association ran the branch. The municipal library service kept the building and the book stock and advised the volunteers, the city paid a yearly grant, and a community foundation funded furniture and events.",
        process:
          'Residents founded an association, and the city kept the building and stock and gave a yearly grant. Thirty-five volunteers staffed the opening hours, and professional librarians advised them monthly.',
        results:
          "Opening hours were kept at 12 hours a week, but loans fell by a third compared with the staffed branch. The children's reading club was popular. After four years the association's board resigned and handed the branch back; as the district grew, the city reopened it as a small staffed branch with longer hours in 2017.",
        challenges:
          "The volunteers burned out, with a few doing most of the work. Liability and data-protection rules for lending records weighed on them, and they could not fully use the city's library system. The librarians' union opposed the arrangement, seeing volunteers as replacing staff. There was no agreed exit plan.",
        conditions:
          'Looking back, it would have needed a clear division of tasks with professional staff, an agreement with a fixed term and evaluation points, and investment in recruiting new volunteers.',
        replication:
          'The experience is cited in German debates on citizen-run libraries, and other cities consulted the association before similar transfers.',
        lessons:
          'Co-production cannot stand in for a core public service indefinitely, and government keeps the final responsibility. A citizen initiative that ends is not a failure if it is handed back well, so agree on an exit from the start.',
      },
    },
    codes: [
      ...coded('anna', [
        ['env.external_pressure', D, 'Budget consolidation meant closing the branch library.'],
        ['coc.ownership', D, 'Residents founded an association.'],
        ['ind.commitment', B, 'The volunteers burned out, with a few doing most of the work.'],
        [
          'env.regulation',
          B,
          'Liability and data-protection rules for lending records weighed on them.',
        ],
        ['org.conflict', B, "The librarians' union opposed the arrangement."],
        ['inn.compatibility', B, "They could not fully use the city's library system."],
      ]),
      ...coded('jonas', [
        ['env.external_pressure', D, 'Closure threatened by budget cuts.'],
        ['coc.ownership', D, 'Residents took the branch over themselves.'],
        ['ind.commitment', B, 'Volunteer burnout.'],
        ['env.regulation', B, 'Liability and data-protection rules.'],
        ['org.conflict', B, 'Union opposition.'],
        ['org.slack_resources', B, 'No investment in recruiting new volunteers.'],
      ]),
    ],
  },
];
