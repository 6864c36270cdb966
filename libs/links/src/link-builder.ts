import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { type PageName, type PageParams, pagePath, PagePaths } from './page-paths';

/**
 * Absolute links to the web UI's pages, from PUBLIC_URL: the only place a URL that Klausul
 * sends anyone is put together.
 */
export class LinkBuilder {
  readonly publicUrl: string;

  constructor(publicUrl: string) {
    const url = new URL(publicUrl); // refuses a value that is not an absolute URL
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('the public URL must be http or https');
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  /** Any page by name, e.g. `links.page('confirm', { token })`. */
  page<N extends PageName>(name: N, ...params: keyof PageParams<N> extends never ? [] : [PageParams<N>]): string {
    return this.publicUrl + pagePath(name, ...params);
  }

  supplierStart = () => this.publicUrl + PagePaths.supplierStart();
  supplierNewJobOrder = (contractId: string) => this.publicUrl + PagePaths.supplierNewJobOrder(contractId);
  supplierJobOrder = (jobOrderId: string) => this.publicUrl + PagePaths.supplierJobOrder(jobOrderId);
  supplierCandidates = (jobOrderId: string) => this.publicUrl + PagePaths.supplierCandidates(jobOrderId);
  supplierEmployees = (contractId: string) => this.publicUrl + PagePaths.supplierEmployees(contractId);
  supplierReview = (reviewId: string) => this.publicUrl + PagePaths.supplierReview(reviewId);
  confirm = (token: string) => this.publicUrl + PagePaths.confirm(token);
  jobcenterInbox = () => this.publicUrl + PagePaths.jobcenterInbox();
  jobcenterJobOrder = (jobOrderId: string) => this.publicUrl + PagePaths.jobcenterJobOrder(jobOrderId);
  login = () => this.publicUrl + PagePaths.login();
  invitation = (token: string) => this.publicUrl + PagePaths.invitation(token);
  resetPassword = (token: string) => this.publicUrl + PagePaths.resetPassword(token);
  forgotPassword = () => this.publicUrl + PagePaths.forgotPassword();
  unit = () => this.publicUrl + PagePaths.unit();
  unitContract = (contractId: string) => this.publicUrl + PagePaths.unitContract(contractId);
  unitJobOrder = (jobOrderId: string) => this.publicUrl + PagePaths.unitJobOrder(jobOrderId);
  unitCandidates = (jobOrderId: string) => this.publicUrl + PagePaths.unitCandidates(jobOrderId);
  unitReviews = () => this.publicUrl + PagePaths.unitReviews();
  unitReview = (reviewId: string) => this.publicUrl + PagePaths.unitReview(reviewId);
}

/** The LinkBuilder of this installation, injectable (reads PUBLIC_URL from the AppConfig). */
@Injectable()
export class AppLinkBuilder extends LinkBuilder {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.publicUrl);
  }
}
