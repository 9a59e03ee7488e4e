// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { IssueText } from './IssueText.js';

const issue = { message: 'Ngày 02/9/2021 không phải ngày làm việc (Quốc khánh).', messageEn: '02/9/2021 is not a working day (Quốc khánh).' };

describe('a broken schedule rule', () => {
  it('reads in Vietnamese on a Vietnamese screen and in English on an English one', async () => {
    renderWithProviders(<IssueText issue={issue} />);
    expect(await screen.findByText(issue.message)).toBeTruthy();
  });
  it('reads in English for a user who chose English', async () => {
    renderWithProviders(<IssueText issue={issue} />, { language: 'en' });
    expect(await screen.findByText(issue.messageEn)).toBeTruthy();
  });
});
