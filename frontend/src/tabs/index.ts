// Tab registry: order here is the order of the tab bar.
import type { ConnectorName } from '../types';
import { bugsTab } from './bugs';
import { buildsTab } from './builds';
import { changelogTab } from './changelog';
import { ciTab } from './ci';
import type { TabDef } from './common';
import { dependenciesTab } from './dependencies';
import { filesTab } from './files';
import { maintainersTab } from './maintainers';
import { overviewTab } from './overview';
import { sourcesTab } from './sources';
import { updatesTab } from './updates';
import { upstreamTab } from './upstream';
import { versionsTab } from './versions';

// `any`: each tab has its own document type; tabFor() is the typed way in.
export const TABS: TabDef<any>[] = [
  overviewTab,
  versionsTab,
  buildsTab,
  updatesTab,
  bugsTab,
  dependenciesTab,
  filesTab,
  changelogTab,
  sourcesTab,
  maintainersTab,
  upstreamTab,
  ciTab,
];

export function tabFor(id: ConnectorName): TabDef<unknown> {
  return TABS.find((t) => t.id === id)!;
}
