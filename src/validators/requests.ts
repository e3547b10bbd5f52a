// Per table, the schemas of a request body: `<name>CreateSchema` (POST) and `<name>PatchSchema`
// (PATCH, every field optional), without tenantId and the other server-set columns, rules kept.
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { billingProductRequirements } from '../schema/billing.js';
import { giteaOrganizations, workstationAssignments, workstationMetrics, workstationSessions, workstations } from '../schema/workstations.js';
import { requestSchemaOf } from './_request.js';
import {
  auditLogInsertSchema,
  auditReviewInsertSchema,
  auditReviewUpdateSchema,
  complianceReportInsertSchema,
  complianceReportUpdateSchema,
  contentInsertSchema,
  contentUpdateSchema,
} from './audit.js';
import {
  billingOrderInsertSchema,
  billingOrderItemInsertSchema,
  billingOrderItemUpdateSchema,
  billingOrderUpdateSchema,
  billingProductInsertSchema,
  billingProductRequirementInsertSchema,
  billingProductUpdateSchema,
  cartInsertSchema,
  cartItemInsertSchema,
  cartItemUpdateSchema,
  cartUpdateSchema,
  entitlementInsertSchema,
  entitlementUpdateSchema,
  invoiceInsertSchema,
  invoiceUpdateSchema,
  paymentInsertSchema,
  paymentUpdateSchema,
  refundInsertSchema,
  refundUpdateSchema,
  subscriptionInsertSchema,
  subscriptionUpdateSchema,
  taxRateInsertSchema,
  taxRateUpdateSchema,
} from './billing.js';
import {
  addressInsertSchema,
  addressUpdateSchema,
  emailAddressInsertSchema,
  emailAddressUpdateSchema,
  phoneNumberInsertSchema,
  phoneNumberUpdateSchema,
} from './contacts.js';
import {
  documentActivityInsertSchema,
  documentActivityUpdateSchema,
  documentInsertSchema,
  documentPermissionInsertSchema,
  documentPermissionUpdateSchema,
  documentShareInsertSchema,
  documentShareUpdateSchema,
  documentUpdateSchema,
  documentVersionInsertSchema,
  documentVersionUpdateSchema,
  folderInsertSchema,
  folderUpdateSchema,
} from './documents.js';
import {
  membershipInsertSchema,
  membershipUpdateSchema,
  sessionInsertSchema,
  sessionUpdateSchema,
  teamInsertSchema,
  teamMemberInsertSchema,
  teamMemberUpdateSchema,
  teamUpdateSchema,
  userInsertSchema,
  userUpdateSchema,
} from './identity.js';
import {
  buyerInsertSchema,
  buyerUpdateSchema,
  driverInsertSchema,
  driverUpdateSchema,
  inventoryLocationInsertSchema,
  inventoryLocationUpdateSchema,
  inventoryOrderInsertSchema,
  inventoryOrderItemInsertSchema,
  inventoryOrderItemUpdateSchema,
  inventoryOrderUpdateSchema,
  inventoryProductInsertSchema,
  inventoryProductUpdateSchema,
  stockLevelInsertSchema,
  stockLevelUpdateSchema,
  stockMovementInsertSchema,
  supplierInsertSchema,
  supplierUpdateSchema,
} from './inventory.js';
import {
  licenseInsertSchema,
  licenseSessionInsertSchema,
  licenseSessionUpdateSchema,
  licenseUpdateSchema,
} from './licenses.js';
import {
  communicationInsertSchema,
  communicationUpdateSchema,
  notificationInsertSchema,
  notificationUpdateSchema,
} from './messaging.js';
import {
  boardInsertSchema,
  boardUpdateSchema,
  milestoneInsertSchema,
  milestoneUpdateSchema,
  projectInsertSchema,
  projectUpdateSchema,
  sprintInsertSchema,
  sprintUpdateSchema,
  taskActivityInsertSchema,
  taskActivityUpdateSchema,
  taskAttachmentInsertSchema,
  taskAttachmentUpdateSchema,
  taskCommentInsertSchema,
  taskCommentUpdateSchema,
  taskInsertSchema,
  taskUpdateSchema,
} from './projects.js';
import {
  tenantDomainInsertSchema,
  tenantDomainUpdateSchema,
  tenantInsertSchema,
  tenantSettingsInsertSchema,
  tenantSettingsUpdateSchema,
  tenantUpdateSchema,
} from './tenancy.js';
import {
  workflowApprovalInsertSchema,
  workflowApprovalUpdateSchema,
  workflowExecutionInsertSchema,
  workflowExecutionUpdateSchema,
  workflowInsertSchema,
  workflowStepInsertSchema,
  workflowStepUpdateSchema,
  workflowUpdateSchema,
} from './workflows.js';

/** address: request body of a create (no tenantId, no server-set columns, rules kept). */
export const addressCreateSchema = requestSchemaOf(addressInsertSchema);
/** address: request body of a patch (every field optional, rules kept). */
export const addressPatchSchema = requestSchemaOf(addressUpdateSchema);
/** auditLog: request body of a create (no tenantId, no server-set columns, rules kept). */
export const auditLogCreateSchema = requestSchemaOf(auditLogInsertSchema);
// auditLog has no patch schema: audit logs are immutable.
/** auditReview: request body of a create (no tenantId, no server-set columns, rules kept). */
export const auditReviewCreateSchema = requestSchemaOf(auditReviewInsertSchema);
/** auditReview: request body of a patch (every field optional, rules kept). */
export const auditReviewPatchSchema = requestSchemaOf(auditReviewUpdateSchema);
/** billingOrder: request body of a create (no tenantId, no server-set columns, rules kept). */
export const billingOrderCreateSchema = requestSchemaOf(billingOrderInsertSchema);
/** billingOrder: request body of a patch (every field optional, rules kept). */
export const billingOrderPatchSchema = requestSchemaOf(billingOrderUpdateSchema);
/** billingOrderItem: request body of a create (no tenantId, no server-set columns, rules kept). */
export const billingOrderItemCreateSchema = requestSchemaOf(billingOrderItemInsertSchema);
/** billingOrderItem: request body of a patch (every field optional, rules kept). */
export const billingOrderItemPatchSchema = requestSchemaOf(billingOrderItemUpdateSchema);
/** billingProduct: request body of a create (no tenantId, no server-set columns, rules kept). */
export const billingProductCreateSchema = requestSchemaOf(billingProductInsertSchema);
/** billingProduct: request body of a patch (every field optional, rules kept). */
export const billingProductPatchSchema = requestSchemaOf(billingProductUpdateSchema);
/** billingProductRequirement: request body of a create (no tenantId, no server-set columns, rules kept). */
export const billingProductRequirementCreateSchema = requestSchemaOf(billingProductRequirementInsertSchema);
/** board: request body of a create (no tenantId, no server-set columns, rules kept). */
export const boardCreateSchema = requestSchemaOf(boardInsertSchema);
/** board: request body of a patch (every field optional, rules kept). */
export const boardPatchSchema = requestSchemaOf(boardUpdateSchema);
/** buyer: request body of a create (no tenantId, no server-set columns, rules kept). */
export const buyerCreateSchema = requestSchemaOf(buyerInsertSchema);
/** buyer: request body of a patch (every field optional, rules kept). */
export const buyerPatchSchema = requestSchemaOf(buyerUpdateSchema);
/** cart: request body of a create (no tenantId, no server-set columns, rules kept). */
export const cartCreateSchema = requestSchemaOf(cartInsertSchema);
/** cart: request body of a patch (every field optional, rules kept). */
export const cartPatchSchema = requestSchemaOf(cartUpdateSchema);
/** cartItem: request body of a create (no tenantId, no server-set columns, rules kept). */
export const cartItemCreateSchema = requestSchemaOf(cartItemInsertSchema);
/** cartItem: request body of a patch (every field optional, rules kept). */
export const cartItemPatchSchema = requestSchemaOf(cartItemUpdateSchema);
/** communication: request body of a create (no tenantId, no server-set columns, rules kept). */
export const communicationCreateSchema = requestSchemaOf(communicationInsertSchema);
/** communication: request body of a patch (every field optional, rules kept). */
export const communicationPatchSchema = requestSchemaOf(communicationUpdateSchema);
/** complianceReport: request body of a create (no tenantId, no server-set columns, rules kept). */
export const complianceReportCreateSchema = requestSchemaOf(complianceReportInsertSchema);
/** complianceReport: request body of a patch (every field optional, rules kept). */
export const complianceReportPatchSchema = requestSchemaOf(complianceReportUpdateSchema);
/** content: request body of a create (no tenantId, no server-set columns, rules kept). */
export const contentCreateSchema = requestSchemaOf(contentInsertSchema);
/** content: request body of a patch (every field optional, rules kept). */
export const contentPatchSchema = requestSchemaOf(contentUpdateSchema);
/** document: request body of a create (no tenantId, no server-set columns, rules kept). */
export const documentCreateSchema = requestSchemaOf(documentInsertSchema);
/** document: request body of a patch (every field optional, rules kept). */
export const documentPatchSchema = requestSchemaOf(documentUpdateSchema);
/** documentActivity: request body of a create (no tenantId, no server-set columns, rules kept). */
export const documentActivityCreateSchema = requestSchemaOf(documentActivityInsertSchema);
/** documentActivity: request body of a patch (every field optional, rules kept). */
export const documentActivityPatchSchema = requestSchemaOf(documentActivityUpdateSchema);
/** documentPermission: request body of a create (no tenantId, no server-set columns, rules kept). */
export const documentPermissionCreateSchema = requestSchemaOf(documentPermissionInsertSchema);
/** documentPermission: request body of a patch (every field optional, rules kept). */
export const documentPermissionPatchSchema = requestSchemaOf(documentPermissionUpdateSchema);
/** documentShare: request body of a create (no tenantId, no server-set columns, rules kept). */
export const documentShareCreateSchema = requestSchemaOf(documentShareInsertSchema);
/** documentShare: request body of a patch (every field optional, rules kept). */
export const documentSharePatchSchema = requestSchemaOf(documentShareUpdateSchema);
/** documentVersion: request body of a create (no tenantId, no server-set columns, rules kept). */
export const documentVersionCreateSchema = requestSchemaOf(documentVersionInsertSchema);
/** documentVersion: request body of a patch (every field optional, rules kept). */
export const documentVersionPatchSchema = requestSchemaOf(documentVersionUpdateSchema);
/** driver: request body of a create (no tenantId, no server-set columns, rules kept). */
export const driverCreateSchema = requestSchemaOf(driverInsertSchema);
/** driver: request body of a patch (every field optional, rules kept). */
export const driverPatchSchema = requestSchemaOf(driverUpdateSchema);
/** emailAddress: request body of a create (no tenantId, no server-set columns, rules kept). */
export const emailAddressCreateSchema = requestSchemaOf(emailAddressInsertSchema);
/** emailAddress: request body of a patch (every field optional, rules kept). */
export const emailAddressPatchSchema = requestSchemaOf(emailAddressUpdateSchema);
/** entitlement: request body of a create (no tenantId, no server-set columns, rules kept). */
export const entitlementCreateSchema = requestSchemaOf(entitlementInsertSchema);
/** entitlement: request body of a patch (every field optional, rules kept). */
export const entitlementPatchSchema = requestSchemaOf(entitlementUpdateSchema);
/** folder: request body of a create (no tenantId, no server-set columns, rules kept). */
export const folderCreateSchema = requestSchemaOf(folderInsertSchema);
/** folder: request body of a patch (every field optional, rules kept). */
export const folderPatchSchema = requestSchemaOf(folderUpdateSchema);
/** inventoryLocation: request body of a create (no tenantId, no server-set columns, rules kept). */
export const inventoryLocationCreateSchema = requestSchemaOf(inventoryLocationInsertSchema);
/** inventoryLocation: request body of a patch (every field optional, rules kept). */
export const inventoryLocationPatchSchema = requestSchemaOf(inventoryLocationUpdateSchema);
/** inventoryOrder: request body of a create (no tenantId, no server-set columns, rules kept). */
export const inventoryOrderCreateSchema = requestSchemaOf(inventoryOrderInsertSchema);
/** inventoryOrder: request body of a patch (every field optional, rules kept). */
export const inventoryOrderPatchSchema = requestSchemaOf(inventoryOrderUpdateSchema);
/** inventoryOrderItem: request body of a create (no tenantId, no server-set columns, rules kept). */
export const inventoryOrderItemCreateSchema = requestSchemaOf(inventoryOrderItemInsertSchema);
/** inventoryOrderItem: request body of a patch (every field optional, rules kept). */
export const inventoryOrderItemPatchSchema = requestSchemaOf(inventoryOrderItemUpdateSchema);
/** inventoryProduct: request body of a create (no tenantId, no server-set columns, rules kept). */
export const inventoryProductCreateSchema = requestSchemaOf(inventoryProductInsertSchema);
/** inventoryProduct: request body of a patch (every field optional, rules kept). */
export const inventoryProductPatchSchema = requestSchemaOf(inventoryProductUpdateSchema);
/** invoice: request body of a create (no tenantId, no server-set columns, rules kept). */
export const invoiceCreateSchema = requestSchemaOf(invoiceInsertSchema);
/** invoice: request body of a patch (every field optional, rules kept). */
export const invoicePatchSchema = requestSchemaOf(invoiceUpdateSchema);
/** license: request body of a create (no tenantId, no server-set columns, rules kept). */
export const licenseCreateSchema = requestSchemaOf(licenseInsertSchema);
/** license: request body of a patch (every field optional, rules kept). */
export const licensePatchSchema = requestSchemaOf(licenseUpdateSchema);
/** licenseSession: request body of a create (no tenantId, no server-set columns, rules kept). */
export const licenseSessionCreateSchema = requestSchemaOf(licenseSessionInsertSchema);
/** licenseSession: request body of a patch (every field optional, rules kept). */
export const licenseSessionPatchSchema = requestSchemaOf(licenseSessionUpdateSchema);
/** membership: request body of a create (no tenantId, no server-set columns, rules kept). */
export const membershipCreateSchema = requestSchemaOf(membershipInsertSchema);
/** membership: request body of a patch (every field optional, rules kept). */
export const membershipPatchSchema = requestSchemaOf(membershipUpdateSchema);
/** milestone: request body of a create (no tenantId, no server-set columns, rules kept). */
export const milestoneCreateSchema = requestSchemaOf(milestoneInsertSchema);
/** milestone: request body of a patch (every field optional, rules kept). */
export const milestonePatchSchema = requestSchemaOf(milestoneUpdateSchema);
/** notification: request body of a create (no tenantId, no server-set columns, rules kept). */
export const notificationCreateSchema = requestSchemaOf(notificationInsertSchema);
/** notification: request body of a patch (every field optional, rules kept). */
export const notificationPatchSchema = requestSchemaOf(notificationUpdateSchema);
/** payment: request body of a create (no tenantId, no server-set columns, rules kept). */
export const paymentCreateSchema = requestSchemaOf(paymentInsertSchema);
/** payment: request body of a patch (every field optional, rules kept). */
export const paymentPatchSchema = requestSchemaOf(paymentUpdateSchema);
/** phoneNumber: request body of a create (no tenantId, no server-set columns, rules kept). */
export const phoneNumberCreateSchema = requestSchemaOf(phoneNumberInsertSchema);
/** phoneNumber: request body of a patch (every field optional, rules kept). */
export const phoneNumberPatchSchema = requestSchemaOf(phoneNumberUpdateSchema);
/** project: request body of a create (no tenantId, no server-set columns, rules kept). */
export const projectCreateSchema = requestSchemaOf(projectInsertSchema);
/** project: request body of a patch (every field optional, rules kept). */
export const projectPatchSchema = requestSchemaOf(projectUpdateSchema);
/** refund: request body of a create (no tenantId, no server-set columns, rules kept). */
export const refundCreateSchema = requestSchemaOf(refundInsertSchema);
/** refund: request body of a patch (every field optional, rules kept). */
export const refundPatchSchema = requestSchemaOf(refundUpdateSchema);
/** session: request body of a create (no tenantId, no server-set columns, rules kept). */
export const sessionCreateSchema = requestSchemaOf(sessionInsertSchema);
/** session: request body of a patch (every field optional, rules kept). */
export const sessionPatchSchema = requestSchemaOf(sessionUpdateSchema);
/** sprint: request body of a create (no tenantId, no server-set columns, rules kept). */
export const sprintCreateSchema = requestSchemaOf(sprintInsertSchema);
/** sprint: request body of a patch (every field optional, rules kept). */
export const sprintPatchSchema = requestSchemaOf(sprintUpdateSchema);
/** stockLevel: request body of a create (no tenantId, no server-set columns, rules kept). */
export const stockLevelCreateSchema = requestSchemaOf(stockLevelInsertSchema);
/** stockLevel: request body of a patch (every field optional, rules kept). */
export const stockLevelPatchSchema = requestSchemaOf(stockLevelUpdateSchema);
/** stockMovement: request body of a create (no tenantId, no server-set columns, rules kept). */
export const stockMovementCreateSchema = requestSchemaOf(stockMovementInsertSchema);
/** subscription: request body of a create (no tenantId, no server-set columns, rules kept). */
export const subscriptionCreateSchema = requestSchemaOf(subscriptionInsertSchema);
/** subscription: request body of a patch (every field optional, rules kept). */
export const subscriptionPatchSchema = requestSchemaOf(subscriptionUpdateSchema);
/** supplier: request body of a create (no tenantId, no server-set columns, rules kept). */
export const supplierCreateSchema = requestSchemaOf(supplierInsertSchema);
/** supplier: request body of a patch (every field optional, rules kept). */
export const supplierPatchSchema = requestSchemaOf(supplierUpdateSchema);
/** task: request body of a create (no tenantId, no server-set columns, rules kept). */
export const taskCreateSchema = requestSchemaOf(taskInsertSchema);
/** task: request body of a patch (every field optional, rules kept). */
export const taskPatchSchema = requestSchemaOf(taskUpdateSchema);
/** taskActivity: request body of a create (no tenantId, no server-set columns, rules kept). */
export const taskActivityCreateSchema = requestSchemaOf(taskActivityInsertSchema);
/** taskActivity: request body of a patch (every field optional, rules kept). */
export const taskActivityPatchSchema = requestSchemaOf(taskActivityUpdateSchema);
/** taskAttachment: request body of a create (no tenantId, no server-set columns, rules kept). */
export const taskAttachmentCreateSchema = requestSchemaOf(taskAttachmentInsertSchema);
/** taskAttachment: request body of a patch (every field optional, rules kept). */
export const taskAttachmentPatchSchema = requestSchemaOf(taskAttachmentUpdateSchema);
/** taskComment: request body of a create (no tenantId, no server-set columns, rules kept). */
export const taskCommentCreateSchema = requestSchemaOf(taskCommentInsertSchema);
/** taskComment: request body of a patch (every field optional, rules kept). */
export const taskCommentPatchSchema = requestSchemaOf(taskCommentUpdateSchema);
/** taxRate: request body of a create (no tenantId, no server-set columns, rules kept). */
export const taxRateCreateSchema = requestSchemaOf(taxRateInsertSchema);
/** taxRate: request body of a patch (every field optional, rules kept). */
export const taxRatePatchSchema = requestSchemaOf(taxRateUpdateSchema);
/** team: request body of a create (no tenantId, no server-set columns, rules kept). */
export const teamCreateSchema = requestSchemaOf(teamInsertSchema);
/** team: request body of a patch (every field optional, rules kept). */
export const teamPatchSchema = requestSchemaOf(teamUpdateSchema);
/** teamMember: request body of a create (no tenantId, no server-set columns, rules kept). */
export const teamMemberCreateSchema = requestSchemaOf(teamMemberInsertSchema);
/** teamMember: request body of a patch (every field optional, rules kept). */
export const teamMemberPatchSchema = requestSchemaOf(teamMemberUpdateSchema);
/** tenant: request body of a create (no tenantId, no server-set columns, rules kept). */
export const tenantCreateSchema = requestSchemaOf(tenantInsertSchema);
/** tenant: request body of a patch (every field optional, rules kept). */
export const tenantPatchSchema = requestSchemaOf(tenantUpdateSchema);
/** tenantDomain: request body of a create (no tenantId, no server-set columns, rules kept). */
export const tenantDomainCreateSchema = requestSchemaOf(tenantDomainInsertSchema);
/** tenantDomain: request body of a patch (every field optional, rules kept). */
export const tenantDomainPatchSchema = requestSchemaOf(tenantDomainUpdateSchema);
/** tenantSettings: request body of a create (no tenantId, no server-set columns, rules kept). */
export const tenantSettingsCreateSchema = requestSchemaOf(tenantSettingsInsertSchema);
/** tenantSettings: request body of a patch (every field optional, rules kept). */
export const tenantSettingsPatchSchema = requestSchemaOf(tenantSettingsUpdateSchema);
/** user: request body of a create (no tenantId, no server-set columns, rules kept). */
export const userCreateSchema = requestSchemaOf(userInsertSchema);
/** user: request body of a patch (every field optional, rules kept). */
export const userPatchSchema = requestSchemaOf(userUpdateSchema);
/** workflow: request body of a create (no tenantId, no server-set columns, rules kept). */
export const workflowCreateSchema = requestSchemaOf(workflowInsertSchema);
/** workflow: request body of a patch (every field optional, rules kept). */
export const workflowPatchSchema = requestSchemaOf(workflowUpdateSchema);
/** workflowApproval: request body of a create (no tenantId, no server-set columns, rules kept). */
export const workflowApprovalCreateSchema = requestSchemaOf(workflowApprovalInsertSchema);
/** workflowApproval: request body of a patch (every field optional, rules kept). */
export const workflowApprovalPatchSchema = requestSchemaOf(workflowApprovalUpdateSchema);
/** workflowExecution: request body of a create (no tenantId, no server-set columns, rules kept). */
export const workflowExecutionCreateSchema = requestSchemaOf(workflowExecutionInsertSchema);
/** workflowExecution: request body of a patch (every field optional, rules kept). */
export const workflowExecutionPatchSchema = requestSchemaOf(workflowExecutionUpdateSchema);
/** workflowStep: request body of a create (no tenantId, no server-set columns, rules kept). */
export const workflowStepCreateSchema = requestSchemaOf(workflowStepInsertSchema);
/** workflowStep: request body of a patch (every field optional, rules kept). */
export const workflowStepPatchSchema = requestSchemaOf(workflowStepUpdateSchema);
/** billingProductRequirement: request body of a patch (every field optional). */
export const billingProductRequirementPatchSchema = requestSchemaOf(updateSchemaOf(billingProductRequirements));
// stockMovement has no patch schema: stock_movements is an append-only ledger (record a correcting movement).

/** workstation: request body of a create. */
export const workstationCreateSchema = requestSchemaOf(insertSchemaOf(workstations));
/** workstation: request body of a patch. */
export const workstationPatchSchema = requestSchemaOf(updateSchemaOf(workstations));
/** workstationSession: request body of a create. */
export const workstationSessionCreateSchema = requestSchemaOf(insertSchemaOf(workstationSessions));
/** workstationSession: request body of a patch. */
export const workstationSessionPatchSchema = requestSchemaOf(updateSchemaOf(workstationSessions));
/** workstationMetric: request body of a create. */
export const workstationMetricCreateSchema = requestSchemaOf(insertSchemaOf(workstationMetrics));
/** workstationMetric: request body of a patch. */
export const workstationMetricPatchSchema = requestSchemaOf(updateSchemaOf(workstationMetrics));
/** workstationAssignment: request body of a create. */
export const workstationAssignmentCreateSchema = requestSchemaOf(insertSchemaOf(workstationAssignments));
/** workstationAssignment: request body of a patch. */
export const workstationAssignmentPatchSchema = requestSchemaOf(updateSchemaOf(workstationAssignments));
/** giteaOrganization: request body of a create. */
export const giteaOrganizationCreateSchema = requestSchemaOf(insertSchemaOf(giteaOrganizations));
/** giteaOrganization: request body of a patch. */
export const giteaOrganizationPatchSchema = requestSchemaOf(updateSchemaOf(giteaOrganizations));
