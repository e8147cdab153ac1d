import { useEffect, useRef, useState } from 'react';
import type { FilingView } from '../../services/filing/filingService';

/**
 * Whose card shows beside the item: the sender's, unless the user asked for a participant Trail does
 * not know yet; asking moves the card into view and focus onto it.
 */
export function usePersonCard(view: FilingView | null) {
  const [cardFor, setCardFor] = useState<string | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cardFor === null) return;
    const card = cardRef.current?.querySelector<HTMLElement>('[data-testid="person-card"]');
    card?.scrollIntoView?.({ block: 'start' });
    card?.focus();
  }, [cardFor]);
  if (!view) return { cardRef, card: null, other: false, showFor: setCardFor, showSender: () => setCardFor(null) };
  const unknownSender = view.sender && !view.sender.person ? view.unknown.find((u) => u.address.toLowerCase() === view.sender!.address) : undefined;
  const otherCard = cardFor ? view.unknown.find((u) => u.address === cardFor && u.address.toLowerCase() !== view.sender?.address) : undefined;
  const card = otherCard
    ? { address: otherCard.address, name: otherCard.name, person: undefined, organisation: undefined, unknown: otherCard }
    : view.sender
      ? { ...view.sender, unknown: unknownSender }
      : null;
  return { cardRef, card, other: !!otherCard && !!view.sender, showFor: setCardFor, showSender: () => setCardFor(null) };
}
