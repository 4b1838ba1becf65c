-- 0003_public: public awareness pages. Published cases per language, residents' hazard reports
-- awaiting staff review, and a per-key fixed-window rate limiter shared by every portal process.
CREATE TABLE public_cases (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,64}$'),
  setting text NOT NULL CHECK (setting IN ('home','monastery','school','shop')),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','reviewed','published')),
  title_zh text NOT NULL, title_bo text NOT NULL DEFAULT '', title_en text NOT NULL DEFAULT '',
  body_zh text NOT NULL, body_bo text NOT NULL DEFAULT '', body_en text NOT NULL DEFAULT '',
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by integer REFERENCES users(id) ON DELETE SET NULL,
  reviewed_at timestamptz,
  published_by integer REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz,
  -- a case is published only after an editor reviewed it
  CHECK (state = 'draft' OR reviewed_at IS NOT NULL),
  CHECK (state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX public_cases_published_idx ON public_cases (published_at DESC) WHERE state = 'published';
--> statement-breakpoint
CREATE TABLE public_reports (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  lang text NOT NULL CHECK (lang IN ('zh','bo','en')),
  kind text NOT NULL CHECK (kind IN ('scorched','warm','flicker','smell','wiring','overload','other')),
  county_adcode integer REFERENCES counties(adcode),
  place text NOT NULL CHECK (char_length(place) BETWEEN 2 AND 200),
  description text NOT NULL CHECK (char_length(description) BETWEEN 10 AND 2000),
  contact text CHECK (char_length(contact) <= 100),
  ip_hash text NOT NULL, -- salted SHA-256 of the client address; the address itself is not kept
  photo bytea, -- metadata stripped where the format allows; shown to signed-in reviewers only
  photo_mime text CHECK (photo_mime IN ('image/jpeg','image/png','image/webp')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','approved','rejected')),
  reviewed_by integer REFERENCES users(id) ON DELETE SET NULL,
  reviewed_at timestamptz,
  reject_reason text,
  site_id text REFERENCES sites(id) ON DELETE SET NULL,
  hazard_id bigint REFERENCES hazards(id) ON DELETE SET NULL,
  CHECK (state <> 'rejected' OR char_length(reject_reason) > 0),
  CHECK ((photo IS NULL) = (photo_mime IS NULL))
);
CREATE INDEX public_reports_queue_idx ON public_reports (state, created_at);
--> statement-breakpoint
CREATE TABLE public_rate (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);
--> statement-breakpoint
-- Example cases (generic and anonymised): three published, one draft awaiting an editor.
INSERT INTO public_cases (slug, setting, state, title_zh, title_bo, title_en, body_zh, body_bo, body_en, reviewed_at, published_at) VALUES
('butter-lamp-hall', 'monastery', 'published',
 '经堂线路温度异常，及时更换老化导线',
 'མཆོད་ཁང་གི་གློག་སྐུད་ཚ་དྲོད་རྒྱུན་ལྡོག་བྱུང་བས་རྙིང་པ་བརྗེས།',
 'A hot circuit in an assembly hall: ageing wire replaced in time',
 '某寺庙经堂的监测装置在冬季夜间连续报告一条照明回路温度升高。平台发出预警后，管理人员和技术人员到场检查，发现木结构梁上的老旧导线绝缘层已经发脆，接头处有烧焦痕迹。导线当天断电更换，并加装了穿线管。没有发生火情。',
 'དགུན་ཁའི་མཚན་མོར་དགོན་པ་ཞིག་གི་འདུ་ཁང་ནང་གི་གློག་འོད་ཐིག་ལམ་ཞིག་གི་ཚ་དྲོད་མཐོ་རུ་ཕྱིན། སྟེགས་བུས་ཉེན་བརྡ་བཏང་རྗེས་དོ་དམ་པ་དང་ལག་རྩལ་བ་ཡོང་ནས་བརྟག་དཔྱད་བྱས་པར། ཤིང་གདུང་སྟེང་གི་གློག་སྐུད་རྙིང་པའི་ཁེབས་ཤུན་ཆག་སླ་པོ་ཆགས་ཤིང་། མཐུད་ཁ་ན་ཚིག་རྗེས་འདུག ཉིན་དེར་གློག་བཅད་ནས་གློག་སྐུད་བརྗེས་ཤིང་སྦུབ་མ་བཙུགས། མེ་སྐྱོན་བྱུང་མེད།',
 'On winter nights the monitor in a monastery''s assembly hall kept reporting a lighting circuit running warmer and warmer. After the platform''s warning, the site manager and a technician found brittle insulation and scorch marks at a joint on an old wire along a wooden beam. The circuit was switched off and rewired in conduit the same day. No fire broke out.',
 now(), now()),
('dorm-heater', 'school', 'published',
 '学生宿舍违规使用电暖器，回路过载被及时发现',
 'སློབ་མའི་ཉལ་ཁང་དུ་གློག་མེ་ཐབ་བཀོལ་བས་གློག་ལམ་ལྗིད་ཚད་བརྒལ།',
 'A forbidden heater in a dormitory: an overloaded circuit caught in time',
 '某寄宿制学校一栋宿舍楼的插座回路在晚自习后电流持续超过额定值。平台推送报警，值班老师在一间宿舍里找到两台自带的电暖器和一个多孔插线板。学校收走了违规电器，并在开学班会上讲解了宿舍用电规定。',
 'སློབ་གྲྭ་ཞིག་གི་ཉལ་ཁང་གི་གློག་ཁུང་ཐིག་ལམ་ཞིག་ལ་དགོང་མོའི་སློབ་སྦྱོང་རྗེས་གློག་རྒྱུན་ཚད་གཞི་ལས་བརྒལ། སྟེགས་བུས་ཉེན་བརྡ་བཏང་བས། དགེ་རྒན་གྱིས་ཉལ་ཁང་ཞིག་ནང་གློག་མེ་ཐབ་གཉིས་དང་གློག་ཁུང་མང་པོ་ཅན་གྱི་སྦྲེལ་ཐག་ཅིག་རྙེད། སློབ་གྲྭས་བཀག་འགོག་ཡོ་བྱད་བསྡུས་ཤིང་ཉལ་ཁང་གི་གློག་བེད་སྤྱོད་ཀྱི་སྒྲིག་གཞི་འགྲེལ་བཤད་བྱས།',
 'After evening study, a socket circuit in a boarding school dormitory drew more than its rated current for a long time. The platform raised an alarm; the teacher on duty found two heaters brought from home and a multi-socket extension lead in one room. The school took the appliances away and explained the dormitory rules at the next class meeting.',
 now(), now()),
('shop-socket', 'shop', 'published',
 '商铺插座接触不良发热，更换后恢复正常',
 'ཚོང་ཁང་གི་གློག་ཁུང་འབྲེལ་མཐུད་མ་ལེགས་པས་ཚ་བ་ཐོན།',
 'A loose socket in a shop ran hot: replaced, back to normal',
 '某商业综合体一家店铺的回路多次出现故障电弧信号。技术人员检查发现一个常插电热水壶的插座簧片松动，插头已经发黄变形。更换插座、提醒店主不要长期满负荷使用后，信号消失。',
 'ཚོང་ཁང་ཞིག་གི་གློག་ལམ་ལ་ཡང་ཡང་གློག་འཕྲོ་ཉེན་རྟགས་བྱུང་། ལག་རྩལ་བས་བརྟག་དཔྱད་བྱས་པར་ཆུ་ཚ་བའི་གློག་ཁུང་ལྷོད་ནས་གློག་ཁ་སེར་པོར་གྱུར་ཏེ་དབྱིབས་འགྱུར་འདུག གློག་ཁུང་བརྗེས་རྗེས་ཉེན་རྟགས་མེད་པར་གྱུར།',
 'A circuit in a shop kept showing arc-fault signals. The technician found the socket of a kettle that was always plugged in: its contacts were loose and the plug had turned yellow and lost its shape. After the socket was replaced and the owner advised not to run it at full load for long, the signals stopped.',
 now(), now()),
('home-extension', 'home', 'draft',
 '串联插线板带动多台电器，导线发烫',
 'སྦྲེལ་ཐག་མང་པོ་སྦྲེལ་ནས་གློག་ཡོ་བྱད་མང་པོ་བཀོལ་བས་གློག་སྐུད་ཚ་བ།',
 'Extension leads plugged into each other: a hot cable',
 '（草稿，待编辑审核）某福利机构的一间活动室用两个插线板串联，同时带动电暖器和电水壶，导线明显发烫。',
 '（ཟིན་བྲིས། ཞུ་དག་བྱེད་རྒྱུ།）',
 '(Draft awaiting an editor) In a welfare home''s common room two extension leads were chained to run a heater and a kettle at once; the cable was clearly hot.',
 NULL, NULL);
