CREATE TABLE "addresses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"entity_type" varchar(50) NOT NULL,
	"entity_id" uuid NOT NULL,
	"address_type" varchar(20) NOT NULL,
	"label" varchar(100),
	"full_name" varchar(255),
	"company_name" varchar(255),
	"address_line1" varchar(255) NOT NULL,
	"address_line2" varchar(255),
	"city" varchar(100) NOT NULL,
	"state" varchar(100),
	"postal_code" varchar(20) NOT NULL,
	"country_code" varchar(2) NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"is_default" boolean DEFAULT false NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "addresses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "addresses_entity_type_check" CHECK ("addresses"."entity_type" in ('tenant', 'user', 'order', 'supplier', 'buyer', 'driver', 'inventory_location')),
	CONSTRAINT "addresses_address_type_check" CHECK ("addresses"."address_type" in ('billing', 'shipping', 'office', 'home')),
	CONSTRAINT "addresses_country_code_check" CHECK ("addresses"."country_code" in ('AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW')),
	CONSTRAINT "addresses_latitude_check" CHECK ("addresses"."latitude" between -90 and 90),
	CONSTRAINT "addresses_longitude_check" CHECK ("addresses"."longitude" between -180 and 180),
	CONSTRAINT "addresses_coordinates_check" CHECK (("addresses"."latitude" is null) = ("addresses"."longitude" is null))
);
--> statement-breakpoint
ALTER TABLE "addresses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "billing_order_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"line_total_cents" integer GENERATED ALWAYS AS (quantity * unit_price_cents) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_order_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "billing_order_items_quantity_check" CHECK ("billing_order_items"."quantity" > 0),
	CONSTRAINT "billing_order_items_unit_price_cents_check" CHECK ("billing_order_items"."unit_price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "billing_order_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "billing_orders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"cart_id" uuid,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"stripe_payment_intent_id" varchar(255),
	"stripe_checkout_session_id" varchar(255),
	"payment_method" varchar(50),
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"subtotal_cents" integer DEFAULT 0 NOT NULL,
	"tax_cents" integer DEFAULT 0 NOT NULL,
	"discount_cents" integer DEFAULT 0 NOT NULL,
	"discount_code" varchar(50),
	"total_cents" integer GENERATED ALWAYS AS (subtotal_cents + tax_cents - discount_cents) STORED NOT NULL,
	"billing_country_code" varchar(2),
	"billing_state_code" varchar(10),
	"billing_details" jsonb,
	"shipping_address" jsonb,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_orders_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "billing_orders_status_check" CHECK ("billing_orders"."status" in ('pending', 'paid', 'failed', 'cancelled')),
	CONSTRAINT "billing_orders_currency_check" CHECK ("billing_orders"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "billing_orders_subtotal_cents_check" CHECK ("billing_orders"."subtotal_cents" >= 0),
	CONSTRAINT "billing_orders_tax_cents_check" CHECK ("billing_orders"."tax_cents" >= 0),
	CONSTRAINT "billing_orders_discount_cents_check" CHECK ("billing_orders"."discount_cents" >= 0),
	CONSTRAINT "billing_orders_total_cents_check" CHECK ("billing_orders"."total_cents" >= 0),
	CONSTRAINT "billing_orders_paid_at_check" CHECK (("billing_orders"."status" = 'paid') = ("billing_orders"."paid_at" is not null)),
	CONSTRAINT "billing_orders_billing_country_code_check" CHECK ("billing_orders"."billing_country_code" is null or "billing_orders"."billing_country_code" in ('AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW'))
);
--> statement-breakpoint
ALTER TABLE "billing_orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "billing_product_requirements" (
	"product_id" uuid NOT NULL,
	"requires_product_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_product_requirements_pkey" PRIMARY KEY("product_id","requires_product_id"),
	CONSTRAINT "billing_product_requirements_not_self_check" CHECK ("billing_product_requirements"."product_id" <> "billing_product_requirements"."requires_product_id")
);
--> statement-breakpoint
CREATE TABLE "billing_products" (
	"id" uuid PRIMARY KEY DEFAULT stocksync_uuidv7() NOT NULL,
	"sku" varchar(64) NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" varchar(20) DEFAULT 'product' NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"interval" varchar(10),
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_products_kind_check" CHECK ("billing_products"."kind" in ('product', 'addon', 'subscription')),
	CONSTRAINT "billing_products_price_cents_check" CHECK ("billing_products"."price_cents" >= 0),
	CONSTRAINT "billing_products_currency_check" CHECK ("billing_products"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "billing_products_interval_check" CHECK (("billing_products"."kind" = 'subscription') = ("billing_products"."interval" is not null) and ("billing_products"."interval" is null or "billing_products"."interval" in ('month', 'year')))
);
--> statement-breakpoint
CREATE TABLE "buyers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"name" varchar(255) NOT NULL,
	"contact_name" varchar(255),
	"email" varchar(254),
	"phone" varchar(50),
	"notes" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyers_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "buyers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cart_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"cart_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cart_items_quantity_check" CHECK ("cart_items"."quantity" > 0),
	CONSTRAINT "cart_items_unit_price_cents_check" CHECK ("cart_items"."unit_price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "cart_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "carts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"discount_code" varchar(50),
	"discount_cents" integer DEFAULT 0 NOT NULL,
	"billing_country_code" varchar(2),
	"billing_state_code" varchar(10),
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "carts_status_check" CHECK ("carts"."status" in ('open', 'checked_out', 'expired', 'abandoned')),
	CONSTRAINT "carts_currency_check" CHECK ("carts"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "carts_discount_cents_check" CHECK ("carts"."discount_cents" >= 0),
	CONSTRAINT "carts_billing_country_code_check" CHECK ("carts"."billing_country_code" is null or "carts"."billing_country_code" in ('AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW'))
);
--> statement-breakpoint
ALTER TABLE "carts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "communications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"channel" varchar(20) NOT NULL,
	"direction" varchar(10) NOT NULL,
	"counterparty_type" varchar(20) NOT NULL,
	"counterparty_id" uuid NOT NULL,
	"inventory_order_id" uuid,
	"sent_by_id" uuid,
	"status" varchar(20) DEFAULT 'sent' NOT NULL,
	"subject" varchar(500),
	"body" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communications_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "communications_channel_check" CHECK ("communications"."channel" in ('email', 'sms', 'phone', 'whatsapp', 'in_person', 'other')),
	CONSTRAINT "communications_direction_check" CHECK ("communications"."direction" in ('inbound', 'outbound')),
	CONSTRAINT "communications_counterparty_type_check" CHECK ("communications"."counterparty_type" in ('supplier', 'buyer', 'driver', 'user')),
	CONSTRAINT "communications_status_check" CHECK ("communications"."status" in ('draft', 'sent', 'delivered', 'failed', 'received'))
);
--> statement-breakpoint
ALTER TABLE "communications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "drivers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid,
	"name" varchar(255) NOT NULL,
	"phone" varchar(50),
	"license_number" varchar(50),
	"vehicle" varchar(100),
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drivers_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "drivers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_addresses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"entity_type" varchar(50) NOT NULL,
	"entity_id" uuid NOT NULL,
	"email_type" varchar(20) NOT NULL,
	"email" varchar(254) NOT NULL,
	"label" varchar(100),
	"is_default" boolean DEFAULT false NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_addresses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "email_addresses_entity_type_check" CHECK ("email_addresses"."entity_type" in ('tenant', 'user', 'order', 'supplier', 'buyer', 'driver', 'inventory_location')),
	CONSTRAINT "email_addresses_email_type_check" CHECK ("email_addresses"."email_type" in ('work', 'personal', 'billing', 'other')),
	CONSTRAINT "email_addresses_email_check" CHECK ("email_addresses"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
);
--> statement-breakpoint
ALTER TABLE "email_addresses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "entitlements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"product_id" uuid NOT NULL,
	"source" varchar(20) NOT NULL,
	"order_id" uuid,
	"subscription_id" uuid,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entitlements_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "entitlements_source_check" CHECK ("entitlements"."source" in ('order', 'subscription')),
	CONSTRAINT "entitlements_status_check" CHECK ("entitlements"."status" in ('active', 'revoked', 'expired')),
	CONSTRAINT "entitlements_source_ref_check" CHECK (("entitlements"."source" = 'order' and "entitlements"."order_id" is not null and "entitlements"."subscription_id" is null)
        or ("entitlements"."source" = 'subscription' and "entitlements"."subscription_id" is not null and "entitlements"."order_id" is null)),
	CONSTRAINT "entitlements_quantity_check" CHECK ("entitlements"."quantity" > 0),
	CONSTRAINT "entitlements_period_check" CHECK ("entitlements"."ends_at" is null or "entitlements"."ends_at" > "entitlements"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "entitlements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inventory_locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" varchar(255) NOT NULL,
	"kind" varchar(20) DEFAULT 'warehouse' NOT NULL,
	"allows_backorder" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_locations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inventory_locations_kind_check" CHECK ("inventory_locations"."kind" in ('warehouse', 'store', 'vehicle', 'virtual'))
);
--> statement-breakpoint
ALTER TABLE "inventory_locations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inventory_order_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer DEFAULT 0 NOT NULL,
	"line_total_cents" integer GENERATED ALWAYS AS (quantity * unit_price_cents) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_order_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inventory_order_items_quantity_check" CHECK ("inventory_order_items"."quantity" > 0),
	CONSTRAINT "inventory_order_items_unit_price_cents_check" CHECK ("inventory_order_items"."unit_price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "inventory_order_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inventory_orders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"order_number" varchar(50) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"location_id" uuid NOT NULL,
	"supplier_id" uuid,
	"buyer_id" uuid,
	"driver_id" uuid,
	"created_by_id" uuid,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"expected_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_orders_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inventory_orders_kind_check" CHECK ("inventory_orders"."kind" in ('purchase', 'sale')),
	CONSTRAINT "inventory_orders_status_check" CHECK ("inventory_orders"."status" in ('draft', 'confirmed', 'shipped', 'delivered', 'received', 'cancelled')),
	CONSTRAINT "inventory_orders_party_check" CHECK (("inventory_orders"."kind" = 'purchase' and "inventory_orders"."supplier_id" is not null and "inventory_orders"."buyer_id" is null)
        or ("inventory_orders"."kind" = 'sale' and "inventory_orders"."buyer_id" is not null and "inventory_orders"."supplier_id" is null)),
	CONSTRAINT "inventory_orders_status_kind_check" CHECK (not ("inventory_orders"."kind" = 'purchase' and "inventory_orders"."status" in ('shipped', 'delivered'))
        and not ("inventory_orders"."kind" = 'sale' and "inventory_orders"."status" = 'received')),
	CONSTRAINT "inventory_orders_total_cents_check" CHECK ("inventory_orders"."total_cents" >= 0),
	CONSTRAINT "inventory_orders_currency_check" CHECK ("inventory_orders"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL'))
);
--> statement-breakpoint
ALTER TABLE "inventory_orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inventory_products" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"sku" varchar(64) NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" varchar(20) DEFAULT 'each' NOT NULL,
	"unit_price_cents" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"reorder_point" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_products_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inventory_products_unit_price_cents_check" CHECK ("inventory_products"."unit_price_cents" >= 0),
	CONSTRAINT "inventory_products_reorder_point_check" CHECK ("inventory_products"."reorder_point" >= 0),
	CONSTRAINT "inventory_products_currency_check" CHECK ("inventory_products"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL'))
);
--> statement-breakpoint
ALTER TABLE "inventory_products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"invoice_number" varchar(50) NOT NULL,
	"order_id" uuid,
	"subscription_id" uuid,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"amount_due_cents" integer NOT NULL,
	"amount_paid_cents" integer DEFAULT 0 NOT NULL,
	"stripe_invoice_id" varchar(255),
	"issued_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('draft', 'open', 'paid', 'void', 'uncollectible')),
	CONSTRAINT "invoices_currency_check" CHECK ("invoices"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "invoices_amount_due_cents_check" CHECK ("invoices"."amount_due_cents" >= 0),
	CONSTRAINT "invoices_amount_paid_cents_check" CHECK ("invoices"."amount_paid_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "license_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"license_id" uuid NOT NULL,
	"user_id" uuid,
	"hardware_id" varchar(255) NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ip_address" "inet",
	"client_version" varchar(50),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_sessions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "license_sessions_status_check" CHECK ("license_sessions"."status" in ('active', 'closed', 'zombie')),
	CONSTRAINT "license_sessions_ended_at_check" CHECK (("license_sessions"."status" = 'active') = ("license_sessions"."ended_at" is null)),
	CONSTRAINT "license_sessions_hardware_id_check" CHECK (length("license_sessions"."hardware_id") > 0)
);
--> statement-breakpoint
ALTER TABLE "license_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "licenses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"license_key" varchar(100) NOT NULL,
	"product_id" uuid,
	"entitlement_id" uuid,
	"seats_total" integer DEFAULT 1 NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "licenses_seats_total_check" CHECK ("licenses"."seats_total" > 0),
	CONSTRAINT "licenses_status_check" CHECK ("licenses"."status" in ('active', 'suspended', 'expired', 'revoked'))
);
--> statement-breakpoint
ALTER TABLE "licenses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" varchar(100) NOT NULL,
	"channel" varchar(20) DEFAULT 'in_app' NOT NULL,
	"priority" varchar(20) DEFAULT 'normal' NOT NULL,
	"title" varchar(255) NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notifications_channel_check" CHECK ("notifications"."channel" in ('in_app', 'email', 'sms', 'push')),
	CONSTRAINT "notifications_priority_check" CHECK ("notifications"."priority" in ('low', 'normal', 'high', 'urgent'))
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"order_id" uuid,
	"invoice_id" uuid,
	"stripe_payment_intent_id" varchar(255) NOT NULL,
	"stripe_charge_id" varchar(255),
	"amount_cents" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"payment_method" varchar(50) NOT NULL,
	"card_last4" varchar(4),
	"card_brand" varchar(20),
	"failure_code" varchar(50),
	"failure_message" varchar(500),
	"succeeded_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payments_amount_cents_check" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_currency_check" CHECK ("payments"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'processing', 'succeeded', 'failed', 'refunded', 'cancelled')),
	CONSTRAINT "payments_payment_method_check" CHECK ("payments"."payment_method" in ('card', 'bank_account', 'google_pay', 'apple_pay')),
	CONSTRAINT "payments_card_last4_check" CHECK ("payments"."card_last4" is null or "payments"."card_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payments_succeeded_at_check" CHECK ("payments"."status" not in ('succeeded', 'refunded') or "payments"."succeeded_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "phone_numbers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"entity_type" varchar(50) NOT NULL,
	"entity_id" uuid NOT NULL,
	"phone_type" varchar(20) NOT NULL,
	"number" varchar(16) NOT NULL,
	"extension" varchar(10),
	"label" varchar(100),
	"is_default" boolean DEFAULT false NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_numbers_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "phone_numbers_entity_type_check" CHECK ("phone_numbers"."entity_type" in ('tenant', 'user', 'order', 'supplier', 'buyer', 'driver', 'inventory_location')),
	CONSTRAINT "phone_numbers_phone_type_check" CHECK ("phone_numbers"."phone_type" in ('mobile', 'work', 'home', 'fax', 'other')),
	CONSTRAINT "phone_numbers_number_check" CHECK ("phone_numbers"."number" ~ '^\+[1-9][0-9]{1,14}$'),
	CONSTRAINT "phone_numbers_extension_check" CHECK ("phone_numbers"."extension" is null or "phone_numbers"."extension" ~ '^[0-9]{1,10}$')
);
--> statement-breakpoint
ALTER TABLE "phone_numbers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "refunds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid,
	"amount_cents" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"reason" varchar(255),
	"stripe_refund_id" varchar(255),
	"succeeded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "refunds_amount_cents_check" CHECK ("refunds"."amount_cents" > 0),
	CONSTRAINT "refunds_currency_check" CHECK ("refunds"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL')),
	CONSTRAINT "refunds_status_check" CHECK ("refunds"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "refunds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"product_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"reorder_point" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stock_levels_reorder_point_check" CHECK ("stock_levels"."reorder_point" is null or "stock_levels"."reorder_point" >= 0)
);
--> statement-breakpoint
ALTER TABLE "stock_levels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"product_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"quantity_delta" integer NOT NULL,
	"reason" varchar(20) NOT NULL,
	"order_id" uuid,
	"reference" varchar(255),
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stock_movements_quantity_delta_check" CHECK ("stock_movements"."quantity_delta" <> 0),
	CONSTRAINT "stock_movements_reason_check" CHECK ("stock_movements"."reason" in ('receipt', 'shipment', 'adjustment', 'transfer_in', 'transfer_out', 'return')),
	CONSTRAINT "stock_movements_reason_sign_check" CHECK (("stock_movements"."reason" not in ('receipt', 'transfer_in', 'return') or "stock_movements"."quantity_delta" > 0)
        and ("stock_movements"."reason" not in ('shipment', 'transfer_out') or "stock_movements"."quantity_delta" < 0))
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"product_id" uuid NOT NULL,
	"user_id" uuid,
	"status" varchar(20) DEFAULT 'trialing' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"stripe_subscription_id" varchar(255),
	"trial_start" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" in ('trialing', 'active', 'past_due', 'cancelled', 'expired')),
	CONSTRAINT "subscriptions_quantity_check" CHECK ("subscriptions"."quantity" > 0),
	CONSTRAINT "subscriptions_trial_check" CHECK (("subscriptions"."trial_start" is null) = ("subscriptions"."trial_end" is null) and ("subscriptions"."trial_end" is null or "subscriptions"."trial_end" > "subscriptions"."trial_start")),
	CONSTRAINT "subscriptions_period_check" CHECK ("subscriptions"."current_period_end" is null or "subscriptions"."current_period_start" is null or "subscriptions"."current_period_end" > "subscriptions"."current_period_start")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "suppliers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"name" varchar(255) NOT NULL,
	"contact_name" varchar(255),
	"email" varchar(254),
	"phone" varchar(50),
	"notes" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "suppliers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT stocksync_uuidv7() NOT NULL,
	"country_code" varchar(2) NOT NULL,
	"state_code" varchar(10),
	"name" varchar(100) NOT NULL,
	"rate" numeric(7, 6) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_country_code_state_code_key" UNIQUE NULLS NOT DISTINCT("country_code","state_code"),
	CONSTRAINT "tax_rates_country_code_check" CHECK ("tax_rates"."country_code" in ('AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW')),
	CONSTRAINT "tax_rates_state_code_check" CHECK ("tax_rates"."state_code" is null or "tax_rates"."state_code" ~ '^[A-Z0-9]{1,10}$'),
	CONSTRAINT "tax_rates_rate_check" CHECK ("tax_rates"."rate" >= 0 and "tax_rates"."rate" < 1)
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_order_items" ADD CONSTRAINT "billing_order_items_product_id_billing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_order_items" ADD CONSTRAINT "billing_order_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_order_items" ADD CONSTRAINT "billing_order_items_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."billing_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_orders" ADD CONSTRAINT "billing_orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_orders" ADD CONSTRAINT "billing_orders_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_orders" ADD CONSTRAINT "billing_orders_cart_id_fkey" FOREIGN KEY ("tenant_id","cart_id") REFERENCES "public"."carts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_product_requirements" ADD CONSTRAINT "billing_product_requirements_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_product_requirements" ADD CONSTRAINT "billing_product_requirements_requires_product_id_fkey" FOREIGN KEY ("requires_product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyers" ADD CONSTRAINT "buyers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_product_id_billing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_fkey" FOREIGN KEY ("tenant_id","cart_id") REFERENCES "public"."carts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communications" ADD CONSTRAINT "communications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communications" ADD CONSTRAINT "communications_inventory_order_id_fkey" FOREIGN KEY ("tenant_id","inventory_order_id") REFERENCES "public"."inventory_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communications" ADD CONSTRAINT "communications_sent_by_id_fkey" FOREIGN KEY ("tenant_id","sent_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drivers" ADD CONSTRAINT "drivers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drivers" ADD CONSTRAINT "drivers_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_addresses" ADD CONSTRAINT "email_addresses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_product_id_billing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."billing_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_subscription_id_fkey" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_locations" ADD CONSTRAINT "inventory_locations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_order_items" ADD CONSTRAINT "inventory_order_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_order_items" ADD CONSTRAINT "inventory_order_items_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."inventory_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_order_items" ADD CONSTRAINT "inventory_order_items_product_id_fkey" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."inventory_products"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_location_id_fkey" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."inventory_locations"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_supplier_id_fkey" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_buyer_id_fkey" FOREIGN KEY ("tenant_id","buyer_id") REFERENCES "public"."buyers"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_driver_id_fkey" FOREIGN KEY ("tenant_id","driver_id") REFERENCES "public"."drivers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_created_by_id_fkey" FOREIGN KEY ("tenant_id","created_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_products" ADD CONSTRAINT "inventory_products_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."billing_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_sessions" ADD CONSTRAINT "license_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_sessions" ADD CONSTRAINT "license_sessions_license_id_fkey" FOREIGN KEY ("tenant_id","license_id") REFERENCES "public"."licenses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_sessions" ADD CONSTRAINT "license_sessions_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_product_id_billing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_entitlement_id_fkey" FOREIGN KEY ("tenant_id","entitlement_id") REFERENCES "public"."entitlements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."billing_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("tenant_id","payment_id") REFERENCES "public"."payments"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."billing_orders"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_product_id_fkey" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."inventory_products"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_location_id_fkey" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."inventory_locations"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_product_id_fkey" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."inventory_products"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_location_id_fkey" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."inventory_locations"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."inventory_orders"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_created_by_id_fkey" FOREIGN KEY ("tenant_id","created_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_product_id_billing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."billing_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_tenant_id_created_at_idx" ON "addresses" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "addresses_tenant_id_entity_type_entity_id_idx" ON "addresses" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "addresses_tenant_id_is_default_idx" ON "addresses" USING btree ("tenant_id","is_default");--> statement-breakpoint
CREATE UNIQUE INDEX "addresses_tenant_id_entity_type_entity_id_address_type_key" ON "addresses" USING btree ("tenant_id","entity_type","entity_id","address_type") WHERE "addresses"."is_default";--> statement-breakpoint
CREATE INDEX "billing_order_items_tenant_id_created_at_idx" ON "billing_order_items" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_order_items_tenant_id_order_id_product_id_key" ON "billing_order_items" USING btree ("tenant_id","order_id","product_id");--> statement-breakpoint
CREATE INDEX "billing_orders_tenant_id_created_at_idx" ON "billing_orders" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_orders_tenant_id_stripe_payment_intent_id_key" ON "billing_orders" USING btree ("tenant_id","stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_orders_tenant_id_stripe_checkout_session_id_key" ON "billing_orders" USING btree ("tenant_id","stripe_checkout_session_id");--> statement-breakpoint
CREATE INDEX "billing_orders_tenant_id_status_idx" ON "billing_orders" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "billing_orders_tenant_id_user_id_idx" ON "billing_orders" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "billing_product_requirements_requires_product_id_idx" ON "billing_product_requirements" USING btree ("requires_product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_products_sku_key" ON "billing_products" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "billing_products_is_active_idx" ON "billing_products" USING btree ("is_active");--> statement-breakpoint
CREATE INDEX "buyers_tenant_id_created_at_idx" ON "buyers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "buyers_tenant_id_name_key" ON "buyers" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "cart_items_tenant_id_created_at_idx" ON "cart_items" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_items_tenant_id_cart_id_product_id_key" ON "cart_items" USING btree ("tenant_id","cart_id","product_id");--> statement-breakpoint
CREATE INDEX "carts_tenant_id_created_at_idx" ON "carts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "carts_tenant_id_user_id_status_idx" ON "carts" USING btree ("tenant_id","user_id","status");--> statement-breakpoint
CREATE INDEX "carts_tenant_id_expires_at_idx" ON "carts" USING btree ("tenant_id","expires_at") WHERE "carts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "communications_tenant_id_created_at_idx" ON "communications" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "communications_tenant_id_counterparty_type_counterparty_id_idx" ON "communications" USING btree ("tenant_id","counterparty_type","counterparty_id");--> statement-breakpoint
CREATE INDEX "communications_tenant_id_inventory_order_id_idx" ON "communications" USING btree ("tenant_id","inventory_order_id");--> statement-breakpoint
CREATE INDEX "communications_tenant_id_occurred_at_idx" ON "communications" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "drivers_tenant_id_created_at_idx" ON "drivers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "drivers_tenant_id_user_id_idx" ON "drivers" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drivers_tenant_id_name_key" ON "drivers" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "email_addresses_tenant_id_created_at_idx" ON "email_addresses" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "email_addresses_tenant_id_entity_type_entity_id_idx" ON "email_addresses" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_addresses_tenant_id_entity_type_entity_id_email_key" ON "email_addresses" USING btree ("tenant_id","entity_type","entity_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "email_addresses_tenant_id_entity_type_entity_id_email_type_key" ON "email_addresses" USING btree ("tenant_id","entity_type","entity_id","email_type") WHERE "email_addresses"."is_default";--> statement-breakpoint
CREATE INDEX "entitlements_tenant_id_created_at_idx" ON "entitlements" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_tenant_id_order_id_product_id_key" ON "entitlements" USING btree ("tenant_id","order_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_tenant_id_subscription_id_product_id_key" ON "entitlements" USING btree ("tenant_id","subscription_id","product_id");--> statement-breakpoint
CREATE INDEX "entitlements_tenant_id_product_id_idx" ON "entitlements" USING btree ("tenant_id","product_id") WHERE "entitlements"."status" = 'active';--> statement-breakpoint
CREATE INDEX "inventory_locations_tenant_id_created_at_idx" ON "inventory_locations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_locations_tenant_id_code_key" ON "inventory_locations" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "inventory_order_items_tenant_id_created_at_idx" ON "inventory_order_items" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_order_items_tenant_id_order_id_product_id_key" ON "inventory_order_items" USING btree ("tenant_id","order_id","product_id");--> statement-breakpoint
CREATE INDEX "inventory_order_items_tenant_id_product_id_idx" ON "inventory_order_items" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_created_at_idx" ON "inventory_orders" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_orders_tenant_id_order_number_key" ON "inventory_orders" USING btree ("tenant_id","order_number");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_kind_status_idx" ON "inventory_orders" USING btree ("tenant_id","kind","status");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_supplier_id_idx" ON "inventory_orders" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_buyer_id_idx" ON "inventory_orders" USING btree ("tenant_id","buyer_id");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_driver_id_idx" ON "inventory_orders" USING btree ("tenant_id","driver_id");--> statement-breakpoint
CREATE INDEX "inventory_orders_tenant_id_location_id_idx" ON "inventory_orders" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE INDEX "inventory_products_tenant_id_created_at_idx" ON "inventory_products" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_products_tenant_id_sku_key" ON "inventory_products" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "inventory_products_tenant_id_name_idx" ON "inventory_products" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "invoices_tenant_id_created_at_idx" ON "invoices" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_tenant_id_invoice_number_key" ON "invoices" USING btree ("tenant_id","invoice_number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_tenant_id_stripe_invoice_id_key" ON "invoices" USING btree ("tenant_id","stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_tenant_id_status_idx" ON "invoices" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "invoices_tenant_id_order_id_idx" ON "invoices" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "invoices_tenant_id_subscription_id_idx" ON "invoices" USING btree ("tenant_id","subscription_id");--> statement-breakpoint
CREATE INDEX "license_sessions_tenant_id_created_at_idx" ON "license_sessions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "license_sessions_tenant_id_license_id_hardware_id_key" ON "license_sessions" USING btree ("tenant_id","license_id","hardware_id") WHERE "license_sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "license_sessions_tenant_id_license_id_status_idx" ON "license_sessions" USING btree ("tenant_id","license_id","status");--> statement-breakpoint
CREATE INDEX "license_sessions_tenant_id_last_heartbeat_at_idx" ON "license_sessions" USING btree ("tenant_id","last_heartbeat_at") WHERE "license_sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "licenses_tenant_id_created_at_idx" ON "licenses" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_tenant_id_license_key_key" ON "licenses" USING btree ("tenant_id","license_key");--> statement-breakpoint
CREATE INDEX "licenses_tenant_id_status_idx" ON "licenses" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "notifications_tenant_id_created_at_idx" ON "notifications" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_tenant_id_user_id_created_at_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_tenant_id_user_id_unread_idx" ON "notifications" USING btree ("tenant_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "payments_tenant_id_created_at_idx" ON "payments" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tenant_id_stripe_payment_intent_id_key" ON "payments" USING btree ("tenant_id","stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "payments_tenant_id_status_idx" ON "payments" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "payments_tenant_id_order_id_idx" ON "payments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "payments_tenant_id_invoice_id_idx" ON "payments" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE INDEX "phone_numbers_tenant_id_created_at_idx" ON "phone_numbers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "phone_numbers_tenant_id_entity_type_entity_id_idx" ON "phone_numbers" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_numbers_tenant_id_entity_type_entity_id_number_key" ON "phone_numbers" USING btree ("tenant_id","entity_type","entity_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_numbers_tenant_id_entity_type_entity_id_phone_type_key" ON "phone_numbers" USING btree ("tenant_id","entity_type","entity_id","phone_type") WHERE "phone_numbers"."is_default";--> statement-breakpoint
CREATE INDEX "refunds_tenant_id_created_at_idx" ON "refunds" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_tenant_id_stripe_refund_id_key" ON "refunds" USING btree ("tenant_id","stripe_refund_id");--> statement-breakpoint
CREATE INDEX "refunds_tenant_id_payment_id_idx" ON "refunds" USING btree ("tenant_id","payment_id");--> statement-breakpoint
CREATE INDEX "refunds_tenant_id_order_id_idx" ON "refunds" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "stock_levels_tenant_id_created_at_idx" ON "stock_levels" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_levels_tenant_id_product_id_location_id_key" ON "stock_levels" USING btree ("tenant_id","product_id","location_id");--> statement-breakpoint
CREATE INDEX "stock_levels_tenant_id_location_id_idx" ON "stock_levels" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE INDEX "stock_movements_tenant_id_created_at_idx" ON "stock_movements" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_tenant_id_product_id_location_id_created_at_idx" ON "stock_movements" USING btree ("tenant_id","product_id","location_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_tenant_id_order_id_idx" ON "stock_movements" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_id_created_at_idx" ON "subscriptions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_tenant_id_stripe_subscription_id_key" ON "subscriptions" USING btree ("tenant_id","stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_id_status_idx" ON "subscriptions" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_id_product_id_idx" ON "subscriptions" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "suppliers_tenant_id_created_at_idx" ON "suppliers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_tenant_id_name_key" ON "suppliers" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE POLICY "addresses_tenant_isolation" ON "addresses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "billing_order_items_tenant_isolation" ON "billing_order_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "billing_orders_tenant_isolation" ON "billing_orders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "buyers_tenant_isolation" ON "buyers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "cart_items_tenant_isolation" ON "cart_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "carts_tenant_isolation" ON "carts" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "communications_tenant_isolation" ON "communications" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "drivers_tenant_isolation" ON "drivers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "email_addresses_tenant_isolation" ON "email_addresses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "entitlements_tenant_isolation" ON "entitlements" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inventory_locations_tenant_isolation" ON "inventory_locations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inventory_order_items_tenant_isolation" ON "inventory_order_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inventory_orders_tenant_isolation" ON "inventory_orders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inventory_products_tenant_isolation" ON "inventory_products" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "invoices_tenant_isolation" ON "invoices" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "license_sessions_tenant_isolation" ON "license_sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "licenses_tenant_isolation" ON "licenses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notifications_tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "payments_tenant_isolation" ON "payments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "phone_numbers_tenant_isolation" ON "phone_numbers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "refunds_tenant_isolation" ON "refunds" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "stock_levels_tenant_isolation" ON "stock_levels" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "stock_movements_tenant_isolation" ON "stock_movements" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "subscriptions_tenant_isolation" ON "subscriptions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "suppliers_tenant_isolation" ON "suppliers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);