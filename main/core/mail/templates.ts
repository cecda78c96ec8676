import type { LinkBuilder } from '../ports';
import { escapeHtml } from './escape';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface LinkedLine {
  label: string;
  value: string;
}

/** The facts every notification email shows, whatever its kind. */
export interface EmailModel {
  instanceName: string;
  heading: string;
  intro: string;
  facts: LinkedLine[];
  table?: { columns: string[]; rows: string[][] };
  reason: string;
  /** App route of the thing the email is about, e.g. "/parts/12". */
  path: string;
  links: LinkBuilder;
}

function linksFor(model: EmailModel): { deep: string; web: string | null; preferences: string } {
  return {
    deep: model.links.deepLink(model.path),
    web: model.links.webLink(model.path),
    preferences: model.links.webLink('/profile') ?? model.links.deepLink('/profile'),
  };
}

/** One layout for every kind: a plain-text part and an HTML part with every typed value escaped. */
export function renderEmail(model: EmailModel): EmailContent {
  const links = linksFor(model);
  const subject = `[${model.instanceName}] ${model.heading}`;
  const text = [
    model.heading,
    '',
    model.intro,
    '',
    ...model.facts.map((fact) => `${fact.label}: ${fact.value}`),
    ...(model.table
      ? ['', model.table.columns.join(' | '), ...model.table.rows.map((row) => row.join(' | '))]
      : []),
    '',
    model.reason,
    '',
    `Open in Stockbell: ${links.deep}`,
    ...(links.web ? [`Open in your browser: ${links.web}`] : []),
    '',
    `To stop these emails, change your notification preferences: ${links.preferences}`,
  ].join('\n');

  const cell = 'padding:6px 10px;border-bottom:1px solid #e9ecef;text-align:left';
  const html = `<!doctype html>
<html><body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#212529;background:#f8f9fa;margin:0;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:24px">
<p style="margin:0 0 4px;color:#868e96;font-size:12px">${escapeHtml(model.instanceName)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(model.heading)}</h1>
<p style="margin:0 0 16px">${escapeHtml(model.intro)}</p>
<table style="border-collapse:collapse;width:100%;margin:0 0 16px">${model.facts
    .map((fact) => `<tr><th style="${cell};width:40%;color:#495057">${escapeHtml(fact.label)}</th><td style="${cell}">${escapeHtml(fact.value)}</td></tr>`)
    .join('')}</table>
${
  model.table
    ? `<table style="border-collapse:collapse;width:100%;margin:0 0 16px"><tr>${model.table.columns
        .map((column) => `<th style="${cell};color:#495057">${escapeHtml(column)}</th>`)
        .join('')}</tr>${model.table.rows
        .map((row) => `<tr>${row.map((value) => `<td style="${cell}">${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('')}</table>`
    : ''
}
<p style="margin:0 0 16px;color:#495057">${escapeHtml(model.reason)}</p>
<p style="margin:0 0 24px"><a href="${escapeHtml(links.deep)}" style="background:#228be6;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none">Open in Stockbell</a>${
    links.web ? ` &nbsp;<a href="${escapeHtml(links.web)}">Open in your browser</a>` : ''
  }</p>
<p style="margin:0;color:#868e96;font-size:12px">To stop these emails, <a href="${escapeHtml(links.preferences)}">change your notification preferences</a>.</p>
</div></body></html>`;
  return { subject, text, html };
}
