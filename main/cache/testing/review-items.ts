import type { ReviewItem } from '../../../common/review/review-campaign';

/** `count` snapshot items of one machine group, one vendor each, for tests of the review tables. */
export function sampleReviewItems(count: number, groupId = 'g'): ReviewItem[] {
  return Array.from({ length: count }, (_, index) => ({
    grantId: `${groupId}:${index}`,
    groupId,
    groupFullName: 'Org-Maskiner',
    vendorId: String(index),
    vendorName: `Leverandør ${index}`,
    mode: 'with_approval' as const,
    grantedAt: '2026-01-01T00:00:00.000Z',
    grantedBy: 'demo.admin',
    expiresAt: null,
  }));
}
