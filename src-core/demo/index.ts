// Demo portfolio generator (issue 4): deterministic, seeded, as of a given day.
export { generateDemoPortfolio, demoPortfolioParts, demoPriceListRecord, listsOrBuiltIn, DEMO_TODAY, type DemoPortfolio, type DemoPortfolioOptions, type DemoPortfolioPart } from './demo';
export { SeededRandom } from './prng';
