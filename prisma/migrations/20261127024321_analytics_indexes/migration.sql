-- CreateIndex
CREATE INDEX "Payment_projectId_customerId_paidAt_idx" ON "Payment"("projectId", "customerId", "paidAt");

-- CreateIndex
CREATE INDEX "Touch_projectId_visitorId_occurredAt_idx" ON "Touch"("projectId", "visitorId", "occurredAt");

-- CreateIndex
CREATE INDEX "Touch_projectId_occurredAt_channel_visitorId_idx" ON "Touch"("projectId", "occurredAt", "channel", "visitorId");
