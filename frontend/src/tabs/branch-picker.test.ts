import { describe, expect, it } from 'vitest';
import { tabFor } from '.';
import { branchLabel } from '../branches';
import { clone, curlBranched, curlEnvelopes } from '../test-fixtures';
import type { ConnectorName, Envelope } from '../types';
import { renderEnvelope } from './common';

function render(tab: ConnectorName, env: Envelope<any>) {
  const el = document.createElement('div');
  el.append(renderEnvelope(tabFor(tab), env, null, { pkg: 'curl' }));
  return el;
}
const options = (el: Element) =>
  [...el.querySelectorAll<HTMLAnchorElement>('.branch-picker a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]);

describe('branch labels', () => {
  it('says Rawhide, Fedora N and EPEL N; other names as they are', () => {
    expect(['rawhide', 'f43', 'epel10', 'epel10.1', 'eln', 'f'].map(branchLabel)).toEqual(['Rawhide', 'Fedora 43', 'EPEL 10', 'EPEL 10.1', 'eln', 'f']);
  });
});

describe('branch picker', () => {
  it('lists every branch that has the document, in the API’s order, the shown one current, each its own URL', () => {
    const el = render('files', curlBranched.files);
    const picker = el.querySelector('.branch-picker')!;
    expect(picker.getAttribute('role')).toBe('group');
    expect(picker.getAttribute('aria-label')).toBe('Branch');
    expect(options(el)).toEqual([
      ['Rawhide', '/packages/curl/files?branch=rawhide', 'page'],
      ['Fedora 43', '/packages/curl/files?branch=f43', null],
      ['EPEL 10', '/packages/curl/files?branch=epel10', null],
    ]);
    // The picker says which branch: no "From the … repositories." besides.
    expect(el.textContent).not.toContain('repositories');
    expect(options(render('files', curlBranched.filesF43)).map((o) => o[2])).toEqual([null, 'page', null]);
  });

  it('is on Dependencies and Changelog too, with their own URLs', () => {
    expect(options(render('dependencies', curlBranched.dependencies)).map((o) => o[1])).toEqual([
      '/packages/curl/dependencies?branch=rawhide',
      '/packages/curl/dependencies?branch=f43',
    ]);
    const log = clone(curlEnvelopes.changelog);
    log.data.branches = ['rawhide', 'epel9'];
    log.data.branch = 'epel9';
    expect(options(render('changelog', log))).toEqual([
      ['Rawhide', '/packages/curl/changelog?branch=rawhide', null],
      ['EPEL 9', '/packages/curl/changelog?branch=epel9', 'page'],
    ]);
    log.data.entries = [];
    expect(options(render('changelog', log))).toHaveLength(2);
  });

  it('is not there for a document on one branch, or one from before `branches` (today’s)', () => {
    const one = clone(curlBranched.files);
    one.data.branches = ['rawhide'];
    for (const env of [one, curlEnvelopes.files, curlEnvelopes.dependencies]) {
      const el = render(env.connector, env);
      expect(el.querySelector('.branch-picker')).toBeNull();
      expect(el.textContent).toContain('From the rawhide repositories.');
    }
    expect(render('changelog', curlEnvelopes.changelog).querySelector('.branch-picker')).toBeNull();
  });

  it('keeps hostile branch names as text and encodes them in the URL', () => {
    const env = clone(curlBranched.files);
    env.data.branches = ['rawhide', '<img src=x onerror=alert(1)>'];
    const el = render('files', env);
    expect(el.querySelector('img')).toBeNull();
    const a = el.querySelectorAll('.branch-picker a')[1];
    expect(a.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(a.getAttribute('href')).toBe('/packages/curl/files?branch=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  });
});
