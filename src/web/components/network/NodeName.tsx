import { Link } from '@digdir/designsystemet-react';
import type { NetworkNode } from '../../../shared/network.ts';
import { safeHttpUrl } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';

/** A node's name, linked to its page on the platform when it has one. */
export function NodeName({ node }: { node: Pick<NetworkNode, 'label' | 'href'> }) {
  const { href, label } = node;
  if (href?.startsWith('/') && !href.startsWith('//')) return <AppLink to={href}>{label}</AppLink>;
  const external = safeHttpUrl(href);
  return external ? <Link href={external}>{label}</Link> : <>{label}</>;
}
