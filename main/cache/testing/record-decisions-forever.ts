// Child process for the crash test: records review decisions as fast as it can and prints each id
// only after its transaction committed, until it is killed.
import { openCache } from '../cache-database';
import { reviewRepository } from '../review-repository';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: record-decisions-forever <cache file>');
const reviews = reviewRepository(openCache(file));
const grants = reviews.detail('crash')!.items.map((item) => item.grantId);
for (let index = 0; ; index++) {
  const id = `decision-${index}`;
  reviews.record({
    id,
    campaignId: 'crash',
    grantId: grants[index % grants.length]!,
    decision: index % 2 === 0 ? 'keep' : 'remove',
    justification: `Begrunnelse ${index}`,
    decidedAt: new Date().toISOString(),
    decidedBy: 'demo.admin',
  });
  process.stdout.write(`${id}\n`);
}
