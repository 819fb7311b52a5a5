// Demo portfolio generator (issue 4): deterministic, seeded, as of a given day.
export { generateDemoPortfolio, demoPriceListRecord, listsOrBuiltIn, DEMO_TODAY, type DemoPortfolio, type DemoPortfolioOptions } from './demo';
export { SeededRandom } from './prng';
